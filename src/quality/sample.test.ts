import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowRanges, sampleIndices } from './sample';

describe('sampleIndices', () => {
  it('is the same for the same seed, and differs for another seed', () => {
    const a = sampleIndices(14042, 50, 1234);
    expect(sampleIndices(14042, 50, 1234)).toEqual(a);
    expect(sampleIndices(14042, 50, 1235)).not.toEqual(a);
  });

  it('is pinned: a run repeated with a newer app asks the same questions', () => {
    // If this changes, old seeds no longer reproduce their runs: the sampler must not change silently.
    expect(sampleIndices(100, 5, 1234)).toEqual([13, 66, 18, 7, 35]);
  });

  it('draws distinct rows inside the split, as many as asked (or all of them)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer(),
        (total, count, seed) => {
          const s = sampleIndices(total, count, seed);
          return (
            s.length === Math.min(total, count) &&
            new Set(s).size === s.length &&
            s.every((i) => Number.isInteger(i) && i >= 0 && i < total)
          );
        },
      ),
    );
  });

  it('a longer sample with the same seed starts with the shorter one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer(), (total, seed) => {
        const short = sampleIndices(total, 20, seed);
        return sampleIndices(total, 50, seed).slice(0, short.length).join() === short.join();
      }),
    );
  });

  it('covers every row when asked for all of them (a permutation)', () => {
    expect([...sampleIndices(37, 37, 9)].sort((a, b) => a - b)).toEqual([...Array(37).keys()]);
  });

  it('is roughly uniform: every row is drawn about equally often over many seeds', () => {
    const counts = new Array<number>(10).fill(0);
    for (let seed = 0; seed < 4000; seed++)
      for (const i of sampleIndices(10, 3, seed)) counts[i] = (counts[i] ?? 0) + 1;
    // 12000 draws over 10 rows: 1200 each expected; ±15% is far outside chance for a fair sampler.
    for (const c of counts) expect(Math.abs(c - 1200)).toBeLessThan(180);
  });
});

describe('rowRanges', () => {
  it('fetches every index once, in requests of at most 100 rows', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20000 }), { maxLength: 300 }), (idx) => {
        const ranges = rowRanges(idx);
        const covered = new Set(
          ranges.flatMap((r) => Array.from({ length: r.length }, (_, k) => r.offset + k)),
        );
        return ranges.every((r) => r.length >= 1 && r.length <= 100) && idx.every((i) => covered.has(i));
      }),
    );
  });

  it('turns a whole subject into consecutive pages and far-apart rows into single-row requests', () => {
    expect(rowRanges([...Array(250).keys()])).toEqual([
      { offset: 0, length: 100 },
      { offset: 100, length: 100 },
      { offset: 200, length: 50 },
    ]);
    expect(rowRanges([900, 5, 7, 400])).toEqual([
      { offset: 5, length: 3 },
      { offset: 400, length: 1 },
      { offset: 900, length: 1 },
    ]);
  });
});
