import { afterEach, describe, expect, it, vi } from 'vitest';
import { batcher, sharedClock, type Schedule } from './batcher';

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

describe('sharedClock', () => {
  afterEach(() => vi.useRealTimers());

  it('fires every run asked for in one period together, once, at most ms later', () => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000); // on the grid
    const clock = sharedClock(50);
    const fired: string[] = [];
    const a = batcher<string>((xs) => fired.push(`a:${xs.join('')}`), clock);
    const b = batcher<string>((xs) => fired.push(`b:${xs.join('')}`), clock);
    a.push('1');
    vi.advanceTimersByTime(30);
    b.push('2');
    a.push('3');
    vi.advanceTimersByTime(19);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    // One task for both: the page draws one frame, not two.
    expect(fired).toEqual(['a:13', 'b:2']);
    expect(vi.getTimerCount()).toBe(0);
    b.push('4');
    vi.advanceTimersByTime(50);
    expect(fired).toEqual(['a:13', 'b:2', 'b:4']);
  });

  it('stops its timer when every run is cancelled, and keeps it while one is left', () => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
    const clock = sharedClock(50);
    const ran: string[] = [];
    const cancelA = clock(() => ran.push('a'));
    const cancelB = clock(() => ran.push('b'));
    cancelA();
    expect(vi.getTimerCount()).toBe(1);
    cancelB();
    expect(vi.getTimerCount()).toBe(0);
    clock(() => ran.push('c'));
    vi.advanceTimersByTime(50);
    expect(ran).toEqual(['c']);
  });

  it('fires on the page grid: asked for 20 ms into a step, it runs at the step’s end', () => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_020);
    const ran: number[] = [];
    sharedClock(50)(() => ran.push(Date.now()));
    vi.advanceTimersByTime(50);
    expect(ran).toEqual([1_000_050]);
  });
});
