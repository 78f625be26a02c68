/**
 * Checking one file's bytes against everything known about it: the exact size (a manifest's `nbytes`, or
 * the size Hugging Face publishes), the hash Hugging Face publishes, and what its content must look like.
 * The downloader checks a shard this way before storing it; Repair checks what is already cached.
 */
import { digestProblem, type Digest } from './digest';
import type { Published } from './published';

export type CheckMethod = Digest['algorithm'] | 'size' | 'content';

export interface Expectation {
  /** The file's name, for messages. */
  name: string;
  /** Exact size in bytes, when known. */
  size?: number | undefined;
  digest?: Digest | undefined;
  /** What the content must look like: null when fine, else why not. */
  content?: ((bytes: Uint8Array<ArrayBuffer>) => string | null) | undefined;
}

export type Verdict =
  | { state: 'ok'; method: CheckMethod | null }
  /** `failed`: which check the bytes failed. */
  | { state: 'damaged'; reason: string; failed: 'size' | 'digest' | 'content' }
  | { state: 'missing' };

/** The strongest check that was made: a published hash, else the size, else the content. */
function methodOf(e: Expectation): CheckMethod | null {
  if (e.digest) return e.digest.algorithm;
  if (e.size !== undefined) return 'size';
  return e.content ? 'content' : null;
}

export async function checkBytes(bytes: Uint8Array<ArrayBuffer>, e: Expectation): Promise<Verdict> {
  if (e.size !== undefined && bytes.byteLength !== e.size)
    return {
      state: 'damaged',
      reason: `${e.name} has ${bytes.byteLength} bytes, expected ${e.size}`,
      failed: 'size',
    };
  if (e.digest) {
    const problem = await digestProblem(e.name, bytes, e.digest);
    if (problem) return { state: 'damaged', reason: problem, failed: 'digest' };
  }
  const problem = e.content?.(bytes) ?? null;
  if (problem) return { state: 'damaged', reason: problem, failed: 'content' };
  return { state: 'ok', method: methodOf(e) };
}

/** Checks the cached copy of `url` (missing when `cache` is null or holds no such entry). */
export async function checkCached(cache: Cache | null, url: string, e: Expectation): Promise<Verdict> {
  const res = await cache?.match(url);
  if (!res) return { state: 'missing' };
  return checkBytes(new Uint8Array(await res.arrayBuffer()), e);
}

/**
 * The expectation for `url`: what the caller knows (e.g. a manifest's size, a content check) plus the
 * published size and hash when there are any. When a manifest and the published listing disagree on the
 * size, the manifest's size stands (it is what web-llm reads) and the hash will tell.
 */
export function expectationFor(url: string, known: Expectation, published: Published | null): Expectation {
  const p = published?.state === 'published' ? published.files.get(url) : undefined;
  return { ...known, size: known.size ?? p?.size, digest: known.digest ?? p?.digest };
}
