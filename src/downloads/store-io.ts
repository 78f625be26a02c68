/**
 * The one I/O step the downloader repeats per shard: receive a response body, counting bytes, and store it
 * in Cache Storage under the URL web-llm will look for — only if it is exactly the file the manifest
 * describes. More bytes than expected end the transfer at once (the body is cancelled, so the connection
 * closes); fewer, or a broken connection, leave no entry; a published hash is checked before the write.
 */
import { checkBytes, type CheckMethod, type Expectation } from '../webllm-cache/verify';
import { classify, namedError, type NamedError } from './errors';

/** Above this, a shard is streamed into the cache and checked by size only (it would not fit in memory). */
export const MAX_HASHED_BYTES = 256 * 1024 * 1024;

export interface Incoming {
  url: string;
  /** Exact size (the manifest's nbytes), plus the published hash when there is one. */
  expect: Expectation & { size: number };
  onBytes: (n: number) => void;
  /** Ends the transfer: called as soon as the body is known to be wrong. */
  abort: () => void;
}

/** A response's Content-Length, when it carries a valid one. */
export function parseContentLength(header: string | null): number | null {
  const v = header?.trim() ?? '';
  return /^\d+$/.test(v) ? Number(v) : null;
}

function incomplete(x: Incoming, got: number): NamedError {
  return namedError('IncompleteShardError', `${x.expect.name}: received ${got} of ${x.expect.size} bytes`, {
    retryable: true,
  });
}

export function tooLong(x: Incoming, got: number, announced = false): NamedError {
  const what = announced ? `the server announced ${got} bytes` : `${got} bytes or more arrived`;
  return namedError('IntegrityError', `${x.expect.name}: ${what}, expected ${x.expect.size}`, {
    retryable: true,
  });
}

/** Rejects before reading a body whose announced length is wrong (unless it is compressed on the wire). */
function checkAnnounced(res: Response, x: Incoming): void {
  const declared = parseContentLength(res.headers.get('Content-Length'));
  if (declared === null || declared === x.expect.size || res.headers.get('Content-Encoding')) return;
  x.abort();
  if (declared > x.expect.size) throw tooLong(x, declared, true);
  throw incomplete(x, declared);
}

function put(cache: Cache, url: string, body: BodyInit, size: number): Promise<void> {
  const headers = { 'Content-Type': 'application/octet-stream', 'Content-Length': String(size) };
  return cache.put(url, new Response(body, { headers }));
}

function networkError(x: Incoming, got: number, e: unknown): NamedError {
  const named = classify(e, x.expect.name);
  if (named.name === 'QuotaExceededError' || named.name === 'AbortError') return named;
  const why = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return namedError(
    'NetworkError',
    `${x.expect.name}: network error after ${got} of ${x.expect.size} bytes (${why})`,
    { retryable: true },
  );
}

/** Reads the whole body into memory (it is at most `size` bytes), checks it, then stores it. */
async function receiveChecked(cache: Cache, res: Response, x: Incoming): Promise<CheckMethod | null> {
  const buf = new Uint8Array(x.expect.size);
  let got = 0;
  const reader = res.body?.getReader();
  try {
    for (let c = await reader?.read(); c && !c.done; c = await reader?.read()) {
      if (got + c.value.byteLength > x.expect.size) {
        x.abort();
        void reader?.cancel().catch(() => undefined);
        throw tooLong(x, got + c.value.byteLength);
      }
      buf.set(c.value, got);
      got += c.value.byteLength;
      x.onBytes(c.value.byteLength);
    }
  } catch (e) {
    if (typeof e === 'object' && e !== null && 'retryable' in e) throw e;
    throw networkError(x, got, e);
  }
  if (got < x.expect.size) throw incomplete(x, got);
  const verdict = await checkBytes(buf, x.expect);
  if (verdict.state !== 'ok')
    throw namedError('IntegrityError', verdict.state === 'damaged' ? verdict.reason : x.expect.name, {
      retryable: true,
    });
  try {
    await put(cache, x.url, buf, got);
  } catch (e) {
    throw classify(e, x.expect.name);
  }
  return verdict.method;
}

/** Streams the body into the cache, counting; the stream errors (and `cache.put` fails) at a wrong length. */
async function receiveStreamed(cache: Cache, res: Response, x: Incoming): Promise<CheckMethod> {
  if (!res.body) {
    if (x.expect.size !== 0) throw incomplete(x, 0);
    await put(cache, x.url, new Uint8Array(0), 0);
    return 'size';
  }
  let got = 0;
  const state: { failure: NamedError | null } = { failure: null };
  const fail = (c: TransformStreamDefaultController<Uint8Array>, e: NamedError): void => {
    state.failure = e;
    c.error(e);
  };
  const body = res.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, c) {
        got += chunk.byteLength;
        if (got > x.expect.size) {
          x.abort();
          fail(c, tooLong(x, got));
          return;
        }
        x.onBytes(chunk.byteLength);
        c.enqueue(chunk);
      },
      flush(c) {
        if (got !== x.expect.size) fail(c, incomplete(x, got));
      },
    }),
  );
  try {
    await put(cache, x.url, body, x.expect.size);
  } catch (e) {
    throw state.failure ?? networkError(x, got, e);
  }
  if (state.failure) throw state.failure;
  return 'size';
}

/** Receives one shard and stores it; resolves with how it was checked ('size' when no hash was known). */
export async function receiveShard(cache: Cache, res: Response, x: Incoming): Promise<CheckMethod | null> {
  checkAnnounced(res, x);
  const hashable = x.expect.digest !== undefined && x.expect.size <= MAX_HASHED_BYTES;
  return hashable ? receiveChecked(cache, res, x) : receiveStreamed(cache, res, x);
}

/** One atomic `cache.put` of a small file; a full disk comes out as QuotaExceededError. */
export async function store(cache: Cache, url: string, body: BodyInit, type: string, what: string) {
  try {
    await cache.put(url, new Response(body, { headers: { 'Content-Type': type } }));
  } catch (e) {
    throw classify(e, what);
  }
}
