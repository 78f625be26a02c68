import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SERIES_SAMPLES, rollingDecodeRate, throughputSeries } from './turn';

/** n tokens every stepMs starting at from. */
const every = (from: number, n: number, stepMs: number): number[] =>
  Array.from({ length: n }, (_, i) => from + i * stepMs);

// Request at 1000, first token at 1200, then a token every 20 ms for 1 s (51 tokens in all).
const regular = every(1200, 51, 20);
// 51 tokens over 1 s, a 2 s stall, then 51 more over 1 s.
const stalled = [...every(0, 51, 20), ...every(3000, 51, 20)];

const isRate = (x: number | null) => x === null || (Number.isFinite(x) && x >= 0);
const ascending = fc
  .array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 200 })
  .map((xs) => xs.sort((a, b) => a - b));
const realistic = fc
  .array(fc.integer({ min: 0, max: 120_000 }), { maxLength: 300 })
  .map((xs) => xs.sort((a, b) => a - b));

describe('rollingDecodeRate', () => {
  it('is exact for a regular stream, both before and after the window fills', () => {
    expect(rollingDecodeRate(regular, 1220)).toBeCloseTo(50, 9); // 1 token in 20 ms since the first
    expect(rollingDecodeRate(regular, 1700)).toBeCloseTo(50, 9); // elapsed-time branch
    expect(rollingDecodeRate(regular, 2200)).toBeCloseTo(50, 9); // window (1200, 2200] holds 50 tokens
    expect(rollingDecodeRate(regular, 2210, 500)).toBeCloseTo(50, 9);
  });

  it('is null until a second token has arrived', () => {
    expect(rollingDecodeRate([], 5000)).toBeNull();
    expect(rollingDecodeRate(regular, 1100)).toBeNull();
    expect(rollingDecodeRate(regular, 1200)).toBeNull();
    expect(rollingDecodeRate([1200], 9000)).toBeNull();
    expect(rollingDecodeRate(regular, 1700, 0)).toBeNull();
    expect(rollingDecodeRate(regular, NaN)).toBeNull();
  });

  it('drops to 0 inside a 2 s stall and recovers afterwards', () => {
    expect(rollingDecodeRate(stalled, 1000)).toBeCloseTo(50, 9);
    expect(rollingDecodeRate(stalled, 1500)).toBeCloseTo(25, 9); // window (500, 1500] holds 520..1000
    expect(rollingDecodeRate(stalled, 2001)).toBe(0);
    expect(rollingDecodeRate(stalled, 2999)).toBe(0);
    expect(rollingDecodeRate(stalled, 3500)).toBeCloseTo(26, 9); // 3000..3500 is 26 tokens
    expect(rollingDecodeRate(stalled, 4000)).toBeCloseTo(50, 9);
  });

  it('never throws and returns a finite non-negative number or null', () => {
    fc.assert(
      fc.property(ascending, fc.double(), fc.double(), (times, at, windowMs) => {
        expect(isRate(rollingDecodeRate(times, at, windowMs))).toBe(true);
        expect(isRate(rollingDecodeRate(times, at))).toBe(true);
      }),
    );
  });
});

describe('throughputSeries', () => {
  it('samples every 100 ms from the first token to the last, relative to the request start', () => {
    const series = throughputSeries(regular, 1000);
    // The sample at the first token (t = 200) has no rate yet and is left out.
    expect(series.map((s) => s.tMs)).toEqual([300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200]);
    for (const s of series) expect(s.tokensPerS).toBeCloseTo(50, 9);
  });

  it('shows the stall as zeros and the recovery after it', () => {
    const series = throughputSeries(stalled, -100);
    const at = (tMs: number) => series.find((s) => Math.abs(s.tMs - tMs) < 1e-6)?.tokensPerS;
    expect(at(1100)).toBeCloseTo(50, 9);
    expect(at(2200)).toBe(0);
    expect(at(3000)).toBe(0);
    expect(at(4100)).toBeCloseTo(50, 9);
    expect(series.filter((s) => s.tokensPerS === 0).length).toBeGreaterThan(5);
  });

  it('gives [] without a rate to plot or with a bad step', () => {
    expect(throughputSeries([], 0)).toEqual([]);
    expect(throughputSeries([100], 0)).toEqual([]);
    expect(throughputSeries(regular, 1000, 0)).toEqual([]);
    expect(throughputSeries(regular, NaN)).toEqual([]);
  });

  it('caps the number of samples for very long replies', () => {
    expect(throughputSeries([0, 1, 1e12], 0).length).toBeLessThanOrEqual(MAX_SERIES_SAMPLES + 1);
  });

  it('has at most 10 samples per second by default and only valid values', () => {
    fc.assert(
      fc.property(realistic, fc.integer({ min: 0, max: 1000 }), (times, lead) => {
        const series = throughputSeries(times, (times[0] ?? 0) - lead);
        const spanS = ((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000;
        expect(series.length).toBeLessThanOrEqual(Math.floor(spanS * 10) + 1);
        expect(series.every((s) => s.tMs >= 0 && isRate(s.tokensPerS))).toBe(true);
      }),
    );
    fc.assert(
      fc.property(ascending, fc.double(), fc.double(), (times, start, step) => {
        const series = throughputSeries(times, start, step);
        expect(series.every((s) => Number.isFinite(s.tMs) && isRate(s.tokensPerS))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
