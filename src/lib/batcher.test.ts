import { describe, expect, it } from 'vitest';
import { batcher, type Schedule } from './batcher';

/** A schedule the test advances by hand. */
function manual() {
  const runs = new Set<() => void>();
  const schedule: Schedule = (run) => {
    runs.add(run);
    return () => runs.delete(run);
  };
  return {
    schedule,
    tick: () => {
      const all = [...runs];
      runs.clear();
      all.forEach((r) => r());
    },
    pending: () => runs.size,
  };
}

describe('batcher', () => {
  it('delivers everything pushed before the scheduled moment in one flush, in order', () => {
    const s = manual();
    const flushed: number[][] = [];
    const b = batcher<number>((xs) => flushed.push(xs), s.schedule);
    b.push(1);
    b.push(2, 3);
    expect(s.pending()).toBe(1);
    s.tick();
    b.push(4);
    s.tick();
    expect(flushed).toEqual([[1, 2, 3], [4]]);
  });

  it('flush() drains at once so no tail is lost, and cancels the scheduled run', () => {
    const s = manual();
    const flushed: number[][] = [];
    const b = batcher<number>((xs) => flushed.push(xs), s.schedule);
    b.push(1, 2);
    b.flush();
    expect(flushed).toEqual([[1, 2]]);
    expect(s.pending()).toBe(0);
    b.flush();
    expect(flushed).toHaveLength(1);
  });

  it('an urgent item flushes everything queued with it straight away', () => {
    const s = manual();
    const flushed: string[][] = [];
    const b = batcher<string>(
      (xs) => flushed.push(xs),
      s.schedule,
      (x) => x.startsWith('!'),
    );
    b.push('a');
    b.push('!phase');
    expect(flushed).toEqual([['a', '!phase']]);
    expect(s.pending()).toBe(0);
  });
});
