import { describe, expect, it } from 'vitest';
import { medianInterval, ratioInterval } from './stats';

describe('medianInterval', () => {
  it('is null for fewer than three values', () => {
    expect(medianInterval([1, 2])).toBeNull();
    expect(medianInterval([1, null, 2])).toBeNull();
  });
  it('brackets the median, stays inside the values and is the same every time', () => {
    const xs = [310, 290, 355, 402, 298, 330, 301];
    const i = medianInterval(xs);
    expect(i).not.toBeNull();
    const [lo, hi] = i ?? [NaN, NaN];
    expect(lo).toBeLessThanOrEqual(310);
    expect(hi).toBeGreaterThanOrEqual(310);
    expect(lo).toBeGreaterThanOrEqual(290);
    expect(hi).toBeLessThanOrEqual(402);
    expect(medianInterval(xs)).toEqual(i);
  });
  it('is a point for equal values', () => {
    expect(medianInterval([5, 5, 5, 5])).toEqual([5, 5]);
  });
});

describe('ratioInterval', () => {
  it('brackets the ratio of medians of pairs', () => {
    const i = ratioInterval([98, 101, 100, 99, 102], [100, 100, 100, 100, 100]);
    const [lo, hi] = i ?? [NaN, NaN];
    expect(lo).toBeLessThanOrEqual(1);
    expect(hi).toBeGreaterThanOrEqual(1);
    expect(hi - lo).toBeLessThan(0.05);
  });
});
