import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilson, Z95 } from './wilson';

describe('wilson', () => {
  it('matches published 95% intervals', () => {
    // Reference values: Newcombe (1998), Table I, and the usual textbook examples.
    const a = wilson(3, 5);
    expect(a?.low).toBeCloseTo(0.2307, 4);
    expect(a?.high).toBeCloseTo(0.8824, 4);
    const b = wilson(0, 10);
    expect(b?.low).toBe(0);
    expect(b?.high).toBeCloseTo(0.2775, 4);
    const c = wilson(81, 263);
    expect(c?.low).toBeCloseTo(0.2553, 4);
    expect(c?.high).toBeCloseTo(0.3662, 4);
  });

  it('is null when nothing was measured or the counts make no sense', () => {
    expect(wilson(0, 0)).toBeNull();
    expect(wilson(3, 2)).toBeNull();
    expect(wilson(-1, 2)).toBeNull();
    expect(wilson(1, Number.NaN)).toBeNull();
  });

  it('holds the observed proportion, stays in [0, 1], and mirrors k ↔ n − k', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5000 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([k, n]) => {
          const w = wilson(k, n);
          const m = wilson(n - k, n);
          if (!w || !m) return false;
          const p = k / n;
          return (
            w.low >= 0 &&
            w.high <= 1 &&
            w.low <= p + 1e-12 &&
            w.high >= p - 1e-12 &&
            Math.abs(w.low - (1 - m.high)) < 1e-9
          );
        },
      ),
    );
  });

  it('narrows as the sample grows at the same proportion', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 10 }), (n, k10) => {
        const k = Math.round((k10 / 10) * n);
        const small = wilson(k, n);
        const big = wilson(k * 4, n * 4);
        return !!small && !!big && big.high - big.low < small.high - small.low;
      }),
    );
    expect(Z95).toBeCloseTo(1.96, 2);
  });
});
