import { describe, expect, it } from 'vitest';
import { frameBatcher } from './frame-batcher';

function manualFrames() {
  const cbs = new Map<number, () => void>();
  let next = 1;
  return {
    schedule: (cb: () => void) => {
      cbs.set(next, cb);
      return next++;
    },
    cancel: (h: number) => cbs.delete(h),
    tick: () => {
      const all = [...cbs.values()];
      cbs.clear();
      all.forEach((cb) => cb());
    },
    pending: () => cbs.size,
  };
}

describe('frameBatcher', () => {
  it('delivers everything pushed within a frame in one flush, in order', () => {
    const f = manualFrames();
    const flushed: number[][] = [];
    const b = frameBatcher<number>((xs) => flushed.push(xs), f.schedule, f.cancel);
    b.push([1]);
    b.push([2, 3]);
    expect(f.pending()).toBe(1);
    f.tick();
    b.push([4]);
    f.tick();
    expect(flushed).toEqual([[1, 2, 3], [4]]);
  });

  it('flush() drains at once so no tail is lost, and cancels the scheduled frame', () => {
    const f = manualFrames();
    const flushed: number[][] = [];
    const b = frameBatcher<number>((xs) => flushed.push(xs), f.schedule, f.cancel);
    b.push([1, 2]);
    b.flush();
    expect(flushed).toEqual([[1, 2]]);
    expect(f.pending()).toBe(0);
    b.flush();
    expect(flushed).toHaveLength(1);
  });
});
