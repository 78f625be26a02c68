import { describe, expect, it } from 'vitest';
import { fixed, niceCeil, tick } from './chart-style';

describe('axis helpers', () => {
  it('rounds an axis end up to 1, 2, 2.5 or 5 × 10ⁿ', () => {
    expect([0.7, 1, 1.2, 2.2, 3, 4.8, 10.5, 26, 999].map(niceCeil)).toEqual([
      1, 1, 2, 2.5, 5, 5, 20, 50, 1000,
    ]);
    expect(niceCeil(0.03)).toBeCloseTo(0.05, 12);
    for (const bad of [0, -3, NaN, Infinity]) expect(niceCeil(bad)).toBe(1);
  });

  it('writes ticks and figures without float noise', () => {
    expect(tick(0.1 + 0.2)).toBe('0.3');
    expect(tick((3 * 2.5) / 5)).toBe('1.5');
    expect(fixed(null)).toBe('—');
    expect(fixed(NaN)).toBe('—');
    expect(fixed(12.346, 2)).toBe('12.35');
  });
});
