/**
 * Reads the store on a fixed interval instead of subscribing to it: charts re-render at most
 * 1000 / intervalMs times a second however fast tokens arrive, and not at all while nothing changes.
 */
import { createContext, startTransition, useContext, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { everyStep } from '../../lib/page-grid';
import { useStore, type AppState } from '../../store/store';
import { CHARTS_FRESH_EVENT } from '../../ui/charts-fresh';

/**
 * 1 Hz: the most a chart is redrawn while panes stream, on the page's time grid (lib/page-grid). The live
 * curve is a rolling one-second rate, so a redraw a second shows all it has to show. (A redraw is a few ms
 * of canvas work now, telemetry/canvas-chart.tsx; with recharts it was 30–120 ms of main thread here.)
 */
export const SAMPLE_INTERVAL_MS = 1000;

/** False while the charts are scrolled out of view: nobody sees them, so they are not redrawn. */
export const SamplingActive = createContext(true);

/**
 * The value `read` picks from the store, re-read every intervalMs. `read` must return the store's own
 * objects (or other stable values): a new render happens only when one of them is a different object.
 */
export function useSampled<T extends readonly unknown[]>(
  read: (s: AppState) => T,
  intervalMs = SAMPLE_INTERVAL_MS,
): T {
  const [value, setValue] = useState<T>(() => read(useStore.getState()));
  const shown = useRef(value);
  const active = useContext(SamplingActive);
  // Asked for a current picture (the PNG export): read now, in or out of view, and commit at once.
  useEffect(() => {
    const now = (): void => {
      const next = read(useStore.getState());
      shown.current = next;
      flushSync(() => setValue(next));
    };
    window.addEventListener(CHARTS_FRESH_EVENT, now);
    return () => window.removeEventListener(CHARTS_FRESH_EVENT, now);
  }, [read]);
  useEffect(() => {
    if (!active) return;
    // Compared here, not in a state updater: an updater that returns the old value can still cost a render.
    let last: T = shown.current;
    const tick = (): void => {
      const next = read(useStore.getState());
      if (next.length === last.length && next.every((x, i) => Object.is(x, last[i]))) return;
      last = next;
      shown.current = next;
      // A transition: React renders the figures and tables in slices and yields to the browser between
      // them, so a redraw never blocks a frame as one long task.
      startTransition(() => setValue(next));
    };
    // Catch up at once when (re)activated, e.g. scrolled back into view; then on the page's time grid, in
    // the same frame as the streaming text and the live figures.
    const first = setTimeout(tick, 0);
    const stop = everyStep(intervalMs, tick);
    return () => {
      clearTimeout(first);
      stop();
    };
  }, [read, intervalMs, active]);
  return value;
}
