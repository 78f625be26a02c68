/**
 * The one way hot streams are coalesced here: items pushed between two flushes are delivered together, at
 * the next scheduled moment (an animation frame for the page, a short timer in the engine worker, a
 * throttle for download progress); `flush()` drains at once (done, stop, error: no tail is lost), and an
 * item marked `urgent` flushes straight away (a new download phase should show now, not in 100 ms).
 */
import { untilNextStep } from './page-grid';

export interface Batcher<T> {
  push: (...items: T[]) => void;
  flush: () => void;
}

export type Schedule = (run: () => void) => () => void;

/** Runs after `ms` milliseconds (setTimeout), cancellable. */
export const afterMs =
  (ms: number): Schedule =>
  (run) => {
    const t = setTimeout(run, ms);
    return () => clearTimeout(t);
  };

/**
 * Runs on a clock every caller shares, at the next multiple of `ms` on the page's time grid (page-grid.ts),
 * so at most `ms` after asking: every run asked for in the same step fires in one task. Two panes streaming
 * then update the page together, one frame for both (and with the figures and charts, which redraw on the
 * same grid), where timers of their own would make a frame each.
 */
export function sharedClock(ms: number): Schedule {
  let due = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = (): void => {
    timer = null;
    const runs = due;
    due = new Set();
    for (const run of runs) run();
  };
  return (run) => {
    due.add(run);
    timer ??= setTimeout(fire, untilNextStep(ms));
    return () => {
      due.delete(run);
      if (due.size === 0 && timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
    };
  };
}

/** Runs on the next animation frame (a 16 ms timer where there are no frames, e.g. in tests). */
export const nextFrame: Schedule = (run) => {
  if (typeof requestAnimationFrame !== 'function') return afterMs(16)(run);
  const h = requestAnimationFrame(run);
  return () => cancelAnimationFrame(h);
};

export function batcher<T>(
  onFlush: (items: T[]) => void,
  schedule: Schedule,
  urgent: (item: T) => boolean = () => false,
): Batcher<T> {
  let queue: T[] = [];
  let cancel: (() => void) | null = null;
  const flush = (): void => {
    cancel?.();
    cancel = null;
    if (queue.length === 0) return;
    const items = queue;
    queue = [];
    onFlush(items);
  };
  return {
    push(...items) {
      queue.push(...items);
      if (items.some(urgent)) flush();
      else cancel ??= schedule(flush);
    },
    flush,
  };
}
