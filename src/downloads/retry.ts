/** Exponential backoff with jitter, and the retry loop that uses it. No I/O: clock and random are passed in. */
import { classify, isAbort, namedError, type NamedError } from './errors';

export interface BackoffOptions {
  /** Attempts after the first one, per file. */
  retries: number;
  /** Delay before the first retry, before jitter. */
  baseDelayMs: number;
  /** Cap on any single delay. */
  maxDelayMs: number;
}

export const defaultBackoff: BackoffOptions = { retries: 4, baseDelayMs: 500, maxDelayMs: 15_000 };

/**
 * Delay before retry number `attempt` (0 for the first retry): base × 2^attempt, capped, then "equal
 * jitter" — half fixed, half random — so two panes (or two tabs) that failed together do not retry in
 * lockstep, yet every wait is at least half the nominal one. A server's Retry-After wins when longer.
 */
export function backoffDelay(
  attempt: number,
  opts: BackoffOptions,
  random: () => number,
  retryAfterMs?: number,
): number {
  const nominal = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** Math.max(0, attempt));
  const r = Math.min(1, Math.max(0, random()));
  const jittered = nominal / 2 + (r * nominal) / 2;
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, opts.maxDelayMs * 4));
}

export interface RetryContext {
  opts: BackoffOptions;
  signal: AbortSignal;
  random: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Called before each wait, with the failure that caused it. */
  onRetry?: (e: NamedError, attempt: number, delayMs: number) => void;
}

/**
 * Runs `attempt` until it succeeds, fails with an error that is not retryable, or has failed
 * `retries + 1` times. Every failure is classified first (see `classify`); a cancel ends it at once.
 */
export async function withRetry<T>(what: string, attempt: () => Promise<T>, ctx: RetryContext): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (raw) {
      const e = classify(raw, what);
      if (ctx.signal.aborted || isAbort(e)) throw namedError('AbortError', 'The download was cancelled.');
      if (!e.retryable) throw e;
      if (n >= ctx.opts.retries) {
        e.message += ` (gave up after ${n + 1} attempts)`;
        e.retryable = false;
        throw e;
      }
      const delay = backoffDelay(n, ctx.opts, ctx.random, e.retryAfterMs);
      ctx.onRetry?.(e, n + 1, delay);
      await ctx.sleep(delay, ctx.signal);
    }
  }
}

/** A wait that ends early, with an AbortError, when `signal` aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = (): void => {
      clearTimeout(timer);
      reject(namedError('AbortError', 'The download was cancelled.'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', abort);
      resolve();
    }, ms);
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  });
}
