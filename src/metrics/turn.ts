/** Rolling decode rate over time, from the worker's token timestamps (epoch ms). */
export interface ThroughputSample {
  /** Sample time relative to the request start. */
  tMs: number;
  tokensPerS: number;
}

/** Upper bound on throughputSeries length; longer replies get a coarser step instead. */
export const MAX_SERIES_SAMPLES = 10_000;

/** x if it is a finite, non-negative number, else null. */
function nonNegative(x: number): number | null {
  return Number.isFinite(x) && x >= 0 ? x : null;
}

/** Finite timestamps in ascending order; copies and sorts only if the input is out of order. */
export function cleanTimes(times: readonly number[]): number[] {
  const out = times.filter((t) => Number.isFinite(t));
  const unsorted = out.some((t, i) => i > 0 && t < (out[i - 1] ?? t));
  return unsorted ? out.sort((a, b) => a - b) : out;
}

/** How many entries of an ascending array are ≤ x (binary search). */
function countAtOrBefore(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Infinity) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function rateAt(sorted: readonly number[], atMs: number, windowMs: number): number | null {
  const first = sorted[0];
  if (first === undefined || !Number.isFinite(atMs) || !Number.isFinite(windowMs) || windowMs <= 0)
    return null;
  const soFar = countAtOrBefore(sorted, atMs);
  if (soFar < 2) return null; // no decode step has finished yet
  const windowStart = atMs - windowMs;
  let rate: number;
  if (first > windowStart) {
    // The reply is younger than the window: average over the time since the first token and, as in
    // turnFigures, leave the first token out (it belongs to prefill).
    const elapsedMs = atMs - first;
    if (!(elapsedMs > 0)) return null;
    rate = (soFar - 1) / (elapsedMs / 1000);
  } else {
    rate = (soFar - countAtOrBefore(sorted, windowStart)) / (windowMs / 1000);
  }
  return nonNegative(rate);
}

/**
 * Tokens per second in the window (atMs − windowMs, atMs]. While the reply is younger than the window
 * (first token after atMs − windowMs), it is (tokens so far − 1) ÷ seconds since the first token instead.
 * Null while fewer than 2 tokens have arrived by atMs, or for a non-positive window.
 */
export function rollingDecodeRate(
  tokenTimes: readonly number[],
  atMs: number,
  windowMs = 1000,
): number | null {
  return rateAt(cleanTimes(tokenTimes), atMs, windowMs);
}

/**
 * rollingDecodeRate sampled every stepMs from the first token to the last (10 samples/s by default),
 * with tMs relative to startedAt. Samples where the rate is undefined (the very first token) are left
 * out, so a reply with fewer than 2 tokens gives []. Replies longer than MAX_SERIES_SAMPLES steps are
 * sampled with a proportionally larger step.
 */
export function throughputSeries(
  tokenTimes: readonly number[],
  startedAt: number,
  stepMs = 100,
  windowMs = 1000,
): ThroughputSample[] {
  const sorted = cleanTimes(tokenTimes);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return [];
  if (!Number.isFinite(startedAt) || !Number.isFinite(stepMs) || stepMs <= 0) return [];
  const span = last - first;
  if (!Number.isFinite(span)) return [];
  const step = Math.max(stepMs, span / MAX_SERIES_SAMPLES);
  const out: ThroughputSample[] = [];
  for (let i = 0; i * step <= span && i <= MAX_SERIES_SAMPLES; i++) {
    const atMs = first + i * step;
    const tokensPerS = rateAt(sorted, atMs, windowMs);
    const tMs = atMs - startedAt;
    if (tokensPerS !== null && Number.isFinite(tMs)) out.push({ tMs, tokensPerS });
  }
  return out;
}
