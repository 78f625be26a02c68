/**
 * Getting a model's weight manifest (`tensor-cache.json`) for a download: the cached copy when it is
 * intact (web-llm would use it as is), else a fetched one, checked before it is stored. Parsing is
 * `webllm-cache/manifest.ts`'s; here a bad manifest becomes a named error.
 */
import { decodeManifest, type TensorCacheManifest } from '../webllm-cache/manifest';
import { TENSOR_CACHE_FILE } from '../webllm-cache/names';
import type { Published } from '../webllm-cache/published';
import { manifestUrl } from '../webllm-cache/urls';
import { checkBytes, expectationFor, type CheckMethod, type Expectation } from '../webllm-cache/verify';
import { httpError, namedError, type NamedError } from './errors';
import type { FileOutcome } from './outcome';
import { withRetry, type RetryContext } from './retry';
import { store } from './store-io';

export function manifestOrThrow(body: ArrayBuffer | Uint8Array | string): TensorCacheManifest {
  const parsed = decodeManifest(body);
  if (!parsed.ok) throw namedError('ManifestError', parsed.reason);
  return parsed.manifest;
}

function manifestExpectation(url: string, published: Published | null): Expectation {
  const content = (b: Uint8Array<ArrayBuffer>): string | null => {
    const parsed = decodeManifest(b);
    return parsed.ok ? null : parsed.reason;
  };
  return expectationFor(url, { name: TENSOR_CACHE_FILE, content }, published);
}

/** Fetches and checks `tensor-cache.json` under `base`; HTTP failures and a wrong body become named errors. */
export async function fetchManifest(
  base: string,
  fetchFn: typeof fetch,
  signal?: AbortSignal,
  published: Published | null = null,
): Promise<{
  manifest: TensorCacheManifest;
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  method: CheckMethod | null;
}> {
  const url = manifestUrl(base);
  const res = await fetchFn(url, { signal: signal ?? null });
  if (!res.ok) throw httpError(res.status, TENSOR_CACHE_FILE, url, res.headers.get('Retry-After'));
  const body = new Uint8Array(await res.arrayBuffer());
  const verdict = await checkBytes(body, manifestExpectation(url, published));
  if (verdict.state === 'damaged') {
    // Not JSON, or not a manifest: the same every time. A hash mismatch may be a proxy's doing: retried.
    throw verdict.failed === 'digest'
      ? namedError('IntegrityError', verdict.reason, { retryable: true })
      : namedError('ManifestError', verdict.reason);
  }
  return {
    manifest: manifestOrThrow(body),
    body,
    contentType: res.headers.get('Content-Type') ?? '',
    method: verdict.state === 'ok' ? verdict.method : null,
  };
}

/**
 * The cached manifest if it is intact — readable, and matching the published hash when `checkCached` —
 * else a fetched, checked and stored one. A damaged cached copy is deleted first. `outcome` is filled in.
 */
export async function readManifest(
  cache: Cache,
  base: string,
  fetchFn: typeof fetch,
  rc: RetryContext,
  opts: { published: Published | null; checkCached: boolean; outcome: FileOutcome },
): Promise<TensorCacheManifest> {
  const url = manifestUrl(base);
  const hit = await cache.match(url);
  const { outcome } = opts;
  if (hit) {
    const bytes = new Uint8Array(await hit.arrayBuffer());
    const expect = manifestExpectation(url, opts.checkCached ? opts.published : null);
    const verdict = await checkBytes(bytes, expect);
    if (verdict.state === 'ok') {
      Object.assign(outcome, { found: 'ok', method: verdict.method });
      return manifestOrThrow(bytes);
    }
    if (verdict.state === 'damaged') Object.assign(outcome, { found: 'damaged', reason: verdict.reason });
    await cache.delete(url); // web-llm would fail on it too
  }
  let integrityFailures = 0;
  try {
    const got = await withRetry(
      TENSOR_CACHE_FILE,
      () =>
        fetchManifest(base, fetchFn, rc.signal, opts.published).catch((e: unknown) => {
          const n = e as NamedError;
          if (n.name === 'IntegrityError' && ++integrityFailures >= 2) n.retryable = false;
          throw e;
        }),
      rc,
    );
    await store(cache, url, got.body, got.contentType || 'application/json', TENSOR_CACHE_FILE);
    Object.assign(outcome, { fetched: true, method: got.method });
    return got.manifest;
  } catch (e) {
    outcome.error = e instanceof Error ? e.message : String(e);
    throw e;
  }
}
