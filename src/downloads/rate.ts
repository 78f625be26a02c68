/** Download speed over a sliding window, and the time left at that speed. Pure: times are passed in. */

export interface RateMeter {
  /** Record `bytes` received at time `t` (ms). */
  add(bytes: number, t: number): void;
  /** Bytes per second over the last window, or null while too little time has passed to tell. */
  rate(t: number): number | null;
}

/**
 * Speed = bytes received in the last `windowMs` ÷ the time covered (the window, or less right after the
 * start). Below `minSpanMs` of history the figure would be noise, so it is null.
 */
export function createRateMeter(startMs: number, windowMs = 5000, minSpanMs = 250): RateMeter {
  const samples: { t: number; bytes: number }[] = [];
  let sum = 0;
  const trim = (t: number): void => {
    while (samples.length > 0 && (samples[0]?.t ?? t) <= t - windowMs) sum -= samples.shift()?.bytes ?? 0;
  };
  return {
    add(bytes, t) {
      samples.push({ t, bytes });
      sum += bytes;
      trim(t);
    },
    rate(t) {
      trim(t);
      const span = Math.min(windowMs, t - startMs);
      if (span < minSpanMs) return null;
      return (sum * 1000) / span;
    },
  };
}

/** Seconds left at `bytesPerS`; null when the speed is unknown or zero. */
export function etaSeconds(remaining: number, bytesPerS: number | null): number | null {
  if (remaining <= 0) return 0;
  if (bytesPerS === null || !(bytesPerS > 0)) return null;
  return remaining / bytesPerS;
}
