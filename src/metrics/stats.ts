/**
 * Percentile with linear interpolation between closest ranks (the "R-7" / Excel PERCENTILE.INC
 * definition): rank = p/100 × (n − 1) into the sorted values. Non-finite values are ignored.
 * Null for no finite values or p outside [0, 100].
 */
export function percentile(xs: readonly number[], p: number): number | null {
  if (!Number.isFinite(p) || p < 0 || p > 100) return null;
  const sorted = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const below = sorted[lo];
  if (below === undefined) return null;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] ?? below;
  const f = rank - lo;
  if (f === 0) return below;
  // Interpolate through halves so that (above − below) cannot overflow for values near ±MAX_VALUE,
  // then clamp to the bracketing values: keeps the result finite and monotonic in p despite rounding.
  const half = above / 2 - below / 2;
  const value = below + half * f + half * f;
  return Math.min(Math.max(value, below), above);
}

/** Median of the finite values (mean of the middle two for an even count); null if there are none. */
export function median(xs: readonly number[]): number | null {
  return percentile(xs, 50);
}

/**
 * |ours − theirs| ÷ |theirs|. Null if either value is missing or non-finite, if theirs is 0 (relative
 * difference undefined), or if the result would overflow.
 */
export function relativeDifference(ours: number | null, theirs: number | null): number | null {
  if (ours === null || theirs === null || !Number.isFinite(ours) || !Number.isFinite(theirs)) return null;
  if (theirs === 0) return null;
  const d = Math.abs(ours - theirs) / Math.abs(theirs);
  return Number.isFinite(d) ? d : null;
}

/**
 * Whether our measurement and theirs differ by more than tolerance (relative to theirs, 0.05 = 5 %).
 * Equal finite values never disagree (so 0 vs 0 is false even though the relative difference is
 * undefined); otherwise null when relativeDifference is null or the tolerance is not a finite number ≥ 0.
 */
export function disagrees(ours: number | null, theirs: number | null, tolerance = 0.05): boolean | null {
  if (!Number.isFinite(tolerance) || tolerance < 0) return null;
  if (ours !== null && ours === theirs && Number.isFinite(ours)) return false;
  const d = relativeDifference(ours, theirs);
  return d === null ? null : d > tolerance;
}
