/**
 * Which rows a run asks, from a seed, so anyone can repeat it: xoroshiro128+ (pure-rand) seeded with the
 * run's seed drives a partial Fisher–Yates shuffle of the row indices 0…total−1, and the first `count`
 * of the shuffle are the sample, in that order. Same seed, same total and same count: same questions in
 * the same order, on any device. Unbiased integers come from pure-rand's uniformInt (rejection sampling).
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { ROWS_PAGE } from './mmlu';

export function sampleIndices(total: number, count: number, seed: number): number[] {
  const n = Math.max(0, Math.floor(total));
  const k = Math.min(n, Math.max(0, Math.floor(count)));
  const rng = xoroshiro128plus(seed | 0);
  // Only the swapped positions are stored: a sparse Fisher–Yates over a large split stays small.
  const swapped = new Map<number, number>();
  const at = (i: number): number => swapped.get(i) ?? i;
  const out: number[] = [];
  for (let i = 0; i < k; i++) {
    const j = uniformInt(rng, i, n - 1);
    const pick = at(j);
    swapped.set(j, at(i));
    out.push(pick);
  }
  return out;
}

/** A request to the rows API: `length` rows from `offset`. */
export interface RowsRange {
  offset: number;
  length: number;
}

/**
 * The requests that fetch `indices`: sorted, and joined when the rows between two of them cost less than
 * another request (`gap`), never longer than a page. Whole subjects become consecutive pages.
 */
export function rowRanges(indices: readonly number[], gap = 8): RowsRange[] {
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  const out: RowsRange[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    const end = last ? last.offset + last.length : -Infinity;
    if (last && i - end <= gap && i - last.offset < ROWS_PAGE) last.length = i - last.offset + 1;
    else out.push({ offset: i, length: 1 });
  }
  return out;
}
