/**
 * One shard over the network, with retries: network errors, 408, 429 and 5xx wait and try again (see
 * retry.ts); a body that is not the file the manifest describes — too long, or failing the published
 * hash — is tried once more, then reported as an IntegrityError and never stored.
 */
import type { CheckMethod } from '../webllm-cache/verify';
import { httpError, type NamedError } from './errors';
import { withRetry, type RetryContext } from './retry';
import { receiveShard, type Incoming } from './store-io';

export interface ShardFetch {
  cache: Cache;
  url: string;
  expect: Incoming['expect'];
  fetchFn: typeof fetch;
  rc: RetryContext;
  onBytes: (n: number) => void;
  /** Before each attempt: the previous attempt's bytes no longer count. */
  onAttempt: () => void;
}

/** Integrity failures allowed before giving up: the first may be a proxy's or a CDN's hiccup. */
const INTEGRITY_ATTEMPTS = 2;

export async function fetchShard(f: ShardFetch): Promise<CheckMethod | null> {
  let integrityFailures = 0;
  const attempt = async (): Promise<CheckMethod | null> => {
    f.onAttempt();
    // Our own abort, to end this one transfer early (the connection closes) without cancelling the
    // download; it follows the download's (AbortSignal.any would do, but needs Chrome 116).
    const mine = new AbortController();
    const follow = (): void => mine.abort();
    if (f.rc.signal.aborted) follow();
    f.rc.signal.addEventListener('abort', follow, { once: true });
    try {
      const res = await f.fetchFn(f.url, { signal: mine.signal });
      if (!res.ok) {
        void res.body?.cancel().catch(() => undefined);
        throw httpError(res.status, f.expect.name, f.url, res.headers.get('Retry-After'));
      }
      return await receiveShard(f.cache, res, {
        url: f.url,
        expect: f.expect,
        onBytes: f.onBytes,
        abort: follow,
      });
    } catch (e) {
      const n = e as NamedError;
      if (n.name === 'IntegrityError' && ++integrityFailures >= INTEGRITY_ATTEMPTS) {
        n.retryable = false;
        n.message += ` (rejected ${integrityFailures} times)`;
      }
      throw e;
    } finally {
      f.rc.signal.removeEventListener('abort', follow);
    }
  };
  return withRetry(f.expect.name, attempt, f.rc);
}
