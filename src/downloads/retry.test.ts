import { describe, expect, it } from 'vitest';
import { namedError } from './errors';
import { backoffDelay, withRetry, type RetryContext } from './retry';

const opts = { retries: 3, baseDelayMs: 100, maxDelayMs: 1000 };

describe('backoffDelay', () => {
  it('doubles per attempt, is capped, and jitters between half and all of the nominal delay', () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, opts, () => 1))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
    expect(backoffDelay(2, opts, () => 0)).toBe(200);
    expect(backoffDelay(2, opts, () => 0.5)).toBe(300);
  });

  it('waits at least as long as Retry-After asks', () => {
    expect(backoffDelay(0, opts, () => 0, 2500)).toBe(2500);
  });
});

describe('withRetry', () => {
  const ctx = (delays: number[], signal = new AbortController().signal): RetryContext => ({
    opts,
    signal,
    random: () => 0,
    sleep: (ms) => (delays.push(ms), Promise.resolve()),
  });

  it('retries retryable failures until one attempt succeeds', async () => {
    const delays: number[] = [];
    let n = 0;
    const got = await withRetry(
      'f',
      () => (++n < 3 ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve('ok')),
      ctx(delays),
    );
    expect(got).toBe('ok');
    expect(delays).toEqual([50, 100]);
  });

  it('stops at once on an error that is not retryable', async () => {
    const delays: number[] = [];
    const fail = (): Promise<never> => Promise.reject(namedError('NotFoundError', 'gone'));
    await expect(withRetry('f', fail, ctx(delays))).rejects.toMatchObject({ name: 'NotFoundError' });
    expect(delays).toEqual([]);
  });

  it('turns any failure after a cancel into an AbortError', async () => {
    const ctl = new AbortController();
    ctl.abort();
    const fail = (): Promise<never> => Promise.reject(new TypeError('Failed to fetch'));
    await expect(withRetry('f', fail, ctx([], ctl.signal))).rejects.toMatchObject({ name: 'AbortError' });
  });
});
