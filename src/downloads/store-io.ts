/**
 * The one I/O step the downloader repeats per shard: stream a response body into Cache Storage, under the
 * URL web-llm will look for, counting bytes on the way. `cache.put` commits an entry only after reading
 * the whole body, and a body stream that errors makes it reject; ours errors when the byte count differs
 * from the manifest's, so a dropped or truncated transfer never leaves a partial entry.
 */
import { classify, namedError, type NamedError } from './errors';
import type { ShardRecord } from './manifest';

function incomplete(r: ShardRecord, got: number): NamedError {
  return namedError('IncompleteShardError', `${r.dataPath}: received ${got} of ${r.nbytes} bytes`, {
    retryable: true,
  });
}

export async function streamIntoCache(
  cache: Cache,
  url: string,
  res: Response,
  r: ShardRecord,
  onBytes: (n: number) => void,
): Promise<void> {
  let got = 0;
  let short = false;
  let body: BodyInit;
  if (res.body) {
    body = res.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, c) {
          got += chunk.byteLength;
          onBytes(chunk.byteLength);
          c.enqueue(chunk);
        },
        flush(c) {
          short = got !== r.nbytes;
          if (short) c.error(incomplete(r, got));
        },
      }),
    );
  } else {
    body = await res.arrayBuffer();
    got = body.byteLength;
    onBytes(got);
    if (got !== r.nbytes) throw incomplete(r, got);
  }
  const headers = { 'Content-Type': 'application/octet-stream', 'Content-Length': String(r.nbytes) };
  try {
    await cache.put(url, new Response(body, { headers }));
  } catch (e) {
    const named = classify(e, r.dataPath);
    if (named.name === 'QuotaExceededError' || named.name === 'AbortError' || got === r.nbytes) throw named;
    // The transfer broke off, or ended at the wrong length: whatever the browser reports, worth retrying.
    if (short) throw incomplete(r, got);
    const why = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    throw namedError(
      'NetworkError',
      `${r.dataPath}: network error after ${got} of ${r.nbytes} bytes (${why})`,
      {
        retryable: true,
      },
    );
  }
}

/**
 * Whether the cache holds `url` the way web-llm checks it (`ArtifactCache.hasAllKeys`: the exact URL among
 * `cache.keys()`), and no stored Content-Length contradicts the manifest.
 */
export async function isCached(
  cache: Cache,
  keys: Set<string>,
  url: string,
  nbytes: number,
): Promise<boolean> {
  if (!keys.has(url)) return false;
  const length = (await cache.match(url))?.headers.get('Content-Length');
  return length === null || length === undefined || Number(length) === nbytes;
}

/** One atomic `cache.put` of a small file; a full disk comes out as QuotaExceededError. */
export async function store(cache: Cache, url: string, body: ArrayBuffer, type: string, what: string) {
  try {
    await cache.put(url, new Response(body, { headers: { 'Content-Type': type } }));
  } catch (e) {
    throw classify(e, what);
  }
}
