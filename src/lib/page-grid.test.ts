import { afterEach, describe, expect, it, vi } from 'vitest';
import { everyStep, untilNextStep } from './page-grid';

describe('page grid', () => {
  afterEach(() => vi.useRealTimers());

  it('waits until the next multiple of the step, a whole step when on one', () => {
    expect(untilNextStep(100, 1_000_030)).toBe(70);
    expect(untilNextStep(100, 1_000_099)).toBe(1);
    expect(untilNextStep(100, 1_000_000)).toBe(100);
    expect(untilNextStep(1000, 1_000_250)).toBe(750);
  });

  it('fires runs of different steps at the same instants, whenever each was started', () => {
    vi.useFakeTimers();
    vi.setSystemTime(10_030);
    const at: Record<string, number[]> = { fast: [], slow: [] };
    const stopFast = everyStep(100, () => at.fast?.push(Date.now()));
    vi.advanceTimersByTime(140); // the slow one starts later, off the grid
    const stopSlow = everyStep(500, () => at.slow?.push(Date.now()));
    vi.advanceTimersByTime(1000);
    stopFast();
    stopSlow();
    expect(at.fast).toEqual([
      10_100, 10_200, 10_300, 10_400, 10_500, 10_600, 10_700, 10_800, 10_900, 11_000, 11_100,
    ]);
    expect(at.slow).toEqual([10_500, 11_000]);
    // Every slow run shares its instant (and so its frame) with a fast one.
    for (const t of at.slow ?? []) expect(at.fast).toContain(t);
    vi.advanceTimersByTime(1000);
    expect(at.fast).toHaveLength(11);
  });
});
