import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { disagrees, median, percentile, relativeDifference } from './stats';

describe('percentile and median', () => {
  it('interpolates linearly between closest ranks', () => {
    const xs = [40, 10, 30, 20];
    expect(percentile(xs, 0)).toBe(10);
    expect(percentile(xs, 25)).toBe(17.5);
    expect(percentile(xs, 50)).toBe(25);
    expect(percentile(xs, 90)).toBe(37);
    expect(percentile(xs, 100)).toBe(40);
    expect(percentile([7], 33)).toBe(7);
  });

  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('ignores non-finite values and is null when nothing is left', () => {
    expect(median([1, NaN, 3, Infinity, -Infinity])).toBe(2);
    expect(median([])).toBeNull();
    expect(median([NaN, Infinity])).toBeNull();
  });

  it('is null for p outside [0, 100]', () => {
    expect(percentile([1, 2], -1)).toBeNull();
    expect(percentile([1, 2], 100.5)).toBeNull();
    expect(percentile([1, 2], NaN)).toBeNull();
  });

  it('does not overflow between extreme values', () => {
    expect(median([-Number.MAX_VALUE, Number.MAX_VALUE])).toBe(0);
    expect(percentile([Number.MAX_VALUE, Number.MAX_VALUE], 40)).toBe(Number.MAX_VALUE);
  });

  it('is monotonic in p and stays within the range of the finite values', () => {
    const p = fc.double({ min: 0, max: 100, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.double()), p, p, (xs, p1, p2) => {
        const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
        const a = percentile(xs, lo);
        const b = percentile(xs, hi);
        const finite = xs.filter((x) => Number.isFinite(x));
        if (finite.length === 0) {
          expect([a, b]).toEqual([null, null]);
          return;
        }
        if (a === null || b === null) throw new Error('expected a value');
        expect(a).toBeLessThanOrEqual(b);
        expect(a).toBeGreaterThanOrEqual(Math.min(...finite));
        expect(b).toBeLessThanOrEqual(Math.max(...finite));
      }),
    );
  });
});

describe('relativeDifference and disagrees', () => {
  it('is |ours − theirs| / |theirs|', () => {
    expect(relativeDifference(110, 100)).toBeCloseTo(0.1, 12);
    expect(relativeDifference(90, 100)).toBeCloseTo(0.1, 12);
    expect(relativeDifference(-90, -100)).toBeCloseTo(0.1, 12);
    expect(relativeDifference(0, 100)).toBe(1);
  });

  it('is null for missing values or theirs = 0', () => {
    expect(relativeDifference(null, 100)).toBeNull();
    expect(relativeDifference(100, null)).toBeNull();
    expect(relativeDifference(5, 0)).toBeNull();
    expect(relativeDifference(NaN, 1)).toBeNull();
    expect(relativeDifference(Number.MAX_VALUE, -Number.MAX_VALUE)).toBeNull();
  });

  it('disagrees beyond the tolerance (5 % by default)', () => {
    expect(disagrees(106, 100)).toBe(true);
    expect(disagrees(104, 100)).toBe(false);
    expect(disagrees(104, 100, 0.01)).toBe(true);
    expect(disagrees(0, 0)).toBe(false);
    expect(disagrees(1, 0)).toBeNull();
    expect(disagrees(null, 100)).toBeNull();
    expect(disagrees(100, 100, -1)).toBeNull();
  });

  it('is total', () => {
    const v = fc.option(fc.double());
    fc.assert(
      fc.property(v, v, fc.double(), (a, b, tol) => {
        const d = relativeDifference(a, b);
        expect(d === null || (Number.isFinite(d) && d >= 0)).toBe(true);
        expect([true, false, null]).toContain(disagrees(a, b, tol));
      }),
    );
  });
});
