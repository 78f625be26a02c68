/**
 * The Wilson score interval for a proportion (Wilson, 1927): unlike the normal approximation p ± z·√(p(1−p)/n)
 * it stays inside [0, 1] and does not collapse to zero width at 0 or n successes — which small samples of
 * questions hit often. Null for n = 0 (nothing measured).
 */

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

export function wilson(successes: number, n: number, z = Z95): Interval | null {
  if (!Number.isFinite(n) || n <= 0 || !Number.isFinite(successes) || successes < 0 || successes > n)
    return null;
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** "40.0% (95% CI 11.8–76.9%)", or "—" when nothing was measured. */
export function formatProportion(p: number | null, ci: Interval | null): string {
  if (p === null || !ci) return '—';
  const pct = (x: number): string => (x * 100).toFixed(1);
  return `${pct(p)}% (95% CI ${pct(ci.low)}–${pct(ci.high)}%)`;
}
