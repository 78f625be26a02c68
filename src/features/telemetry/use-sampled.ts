/**
 * Reads the store on a fixed interval instead of subscribing to it: charts re-render at most
 * 1000 / intervalMs times a second however fast tokens arrive, and not at all while nothing changes.
 */
import { createContext, useContext, useEffect, useState } from 'react';
import { useStore, type AppState } from '../../store/store';

/** 5 Hz: the most a chart is redrawn while panes stream (the target allows 10; recharts is costly). */
export const SAMPLE_INTERVAL_MS = 200;

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
  const active = useContext(SamplingActive);
  useEffect(() => {
    if (!active) return;
    const tick = (): void => {
      const next = read(useStore.getState());
      setValue((prev) =>
        next.length === prev.length && next.every((x, i) => Object.is(x, prev[i])) ? prev : next,
      );
    };
    tick();
    const id = setInterval(tick, intervalMs);
    return () => clearInterval(id);
  }, [read, intervalMs, active]);
  return value;
}
