/**
 * Coalesces a hot stream of items into one flush per animation frame. `flush()` drains at once
 * (used on done, stop and error so no tail is lost).
 */
export interface FrameBatcher<T> {
  push: (items: T[]) => void;
  flush: () => void;
  cancel: () => void;
}

type Schedule = (cb: () => void) => number;
type Cancel = (handle: number) => void;

const raf: Schedule = (cb) =>
  typeof requestAnimationFrame === 'function'
    ? requestAnimationFrame(cb)
    : (setTimeout(cb, 16) as unknown as number);
const caf: Cancel = (h) =>
  typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame(h) : clearTimeout(h);

export function frameBatcher<T>(
  onFlush: (items: T[]) => void,
  schedule: Schedule = raf,
  cancel: Cancel = caf,
): FrameBatcher<T> {
  let queue: T[] = [];
  let handle: number | null = null;
  const flush = (): void => {
    if (handle !== null) cancel(handle);
    handle = null;
    if (queue.length === 0) return;
    const items = queue;
    queue = [];
    onFlush(items);
  };
  return {
    push(items) {
      queue.push(...items);
      if (handle === null) handle = schedule(flush);
    },
    flush,
    cancel() {
      if (handle !== null) cancel(handle);
      handle = null;
      queue = [];
    },
  };
}
