/** Decode rates and summaries, with the app's own metric code (src/metrics). */
import { median, percentile } from '../src/metrics/stats';
import { emptyStats } from '../src/engine/types';
import { turnFigures } from '../src/metrics/figures';

export interface TimedTurn {
  startedAt: number;
  endedAt: number;
  tokenTimes: number[];
}

export interface TurnSample {
  /** Tokens after the first ÷ seconds from the first token to the last (src/metrics/figures.ts). */
  decodeTokensPerS: number | null;
  tokens: number;
  decodeMs: number | null;
  ttftMs: number | null;
  finishReason: string;
  startedAt: number;
  endedAt: number;
  /** Every token's time, ms after startedAt (worker clock). */
  tokenOffsetsMs: number[];
}

export interface Summary {
  n: number;
  median: number | null;
  p25: number | null;
  p75: number | null;
  p95: number | null;
  min: number | null;
  max: number | null;
}

const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;

export function turnSample(t: TimedTurn, finishReason: string): TurnSample {
  const m = turnFigures({ ...t, engineStats: emptyStats });
  return {
    decodeTokensPerS: m.decodeTokensPerS,
    tokens: m.tokens,
    decodeMs: m.decodeMs,
    ttftMs: m.ttftMs,
    finishReason,
    startedAt: t.startedAt,
    endedAt: t.endedAt,
    tokenOffsetsMs: t.tokenTimes.map((x) => round(x - t.startedAt)),
  };
}

export function summarize(xs: readonly (number | null)[]): Summary {
  const v = xs.filter((x): x is number => x !== null && Number.isFinite(x));
  return {
    n: v.length,
    median: median(v),
    p25: percentile(v, 25),
    p75: percentile(v, 75),
    p95: percentile(v, 95),
    min: v.length ? Math.min(...v) : null,
    max: v.length ? Math.max(...v) : null,
  };
}

/** The decode rate of one run: the mean over its panes (one pane: that pane's rate). */
export function runRate(turns: readonly TurnSample[]): number | null {
  const rates = turns.map((t) => t.decodeTokensPerS);
  if (rates.length === 0 || rates.some((r) => r === null)) return null;
  return (rates as number[]).reduce((a, b) => a + b, 0) / rates.length;
}

export function ratio(a: number | null, b: number | null): number | null {
  return a !== null && b !== null && b > 0 ? a / b : null;
}

/** Tokens per second inside [from, to] (epoch ms), counting tokens that arrived in the window. */
export function rateInWindow(tokenTimes: readonly number[], from: number, to: number): number | null {
  if (!(to > from)) return null;
  const n = tokenTimes.filter((t) => t >= from && t <= to).length;
  return n / ((to - from) / 1000);
}

/**
 * 95 % bootstrap interval of median(a) ÷ median(b), resampling the (a[i], b[i]) pairs together (they ran
 * back to back). Seeded, so the same samples always give the same interval. Null for fewer than 3 pairs.
 */
export function ratioInterval(
  a: readonly (number | null)[],
  b: readonly (number | null)[],
  rounds = 2000,
): [number, number] | null {
  const pairs = a.flatMap((x, i) => {
    const y = b[i];
    return x !== null && y !== null && y !== undefined ? [[x, y] as const] : [];
  });
  if (pairs.length < 3) return null;
  return bootstrap(pairs, rounds, (pick) =>
    ratio(median(pick.map((p) => p[0])), median(pick.map((p) => p[1]))),
  );
}

/** 95 % bootstrap interval of the median of `xs` (seeded). Null for fewer than 3 values. */
export function medianInterval(xs: readonly (number | null)[], rounds = 2000): [number, number] | null {
  const v = xs.filter((x): x is number => x !== null && Number.isFinite(x));
  return v.length < 3 ? null : bootstrap(v, rounds, median);
}

/** Percentile bootstrap (2.5 %, 97.5 %) of `stat` over resamples of `items`, with a fixed seed. */
function bootstrap<T>(
  items: readonly T[],
  rounds: number,
  stat: (pick: T[]) => number | null,
): [number, number] | null {
  let seed = 0x2f6b4a1d;
  const random = (): number => {
    // xorshift32
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const values: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const pick = items.map(() => items[Math.floor(random() * items.length)] ?? items[0]);
    const q = stat(pick.filter((p): p is T => p !== undefined));
    if (q !== null) values.push(q);
  }
  const lo = percentile(values, 2.5);
  const hi = percentile(values, 97.5);
  return lo === null || hi === null ? null : [lo, hi];
}
