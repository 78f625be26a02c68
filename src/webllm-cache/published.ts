/**
 * Sizes and hashes Hugging Face publishes for a model's files (its tree API, see `treeListingFor`):
 * `[{ type: "file", path, size, oid, lfs?: { oid, size, pointerSize } }]`, where `lfs.oid` is the SHA-256
 * of a Git LFS file's content and `oid` the Git blob SHA-1 of a file kept in Git. Optional: when the host
 * has no such API or does not answer, files are checked by size (and content) only, and the UI says so.
 */
import type { Digest } from './digest';
import { fileUrl, treeListingFor } from './urls';

export interface PublishedFile {
  size: number;
  digest: Digest;
}

export type Published =
  | { state: 'published'; source: string; files: Map<string, PublishedFile> }
  | { state: 'unavailable'; reason: string };

const SHA256 = /^[0-9a-f]{64}$/i;
const SHA1 = /^[0-9a-f]{40}$/i;

/** The listing's files, keyed by the URL web-llm uses for each (`root` + path). Malformed entries are left out. */
export function parseTreeListing(json: unknown, root: string): Map<string, PublishedFile> {
  const files = new Map<string, PublishedFile>();
  if (!Array.isArray(json)) return files;
  for (const e of json as unknown[]) {
    if (typeof e !== 'object' || e === null) continue;
    const { type, path, size, oid, lfs } = e as Record<string, unknown>;
    if (type !== 'file' || typeof path !== 'string' || path === '') continue;
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) continue;
    let digest: Digest | null = null;
    let bytes = size;
    if (typeof lfs === 'object' && lfs !== null) {
      // In LFS, `oid` is the pointer file's; the content's SHA-256 and size are under `lfs`.
      const { oid: sha, size: lfsSize } = lfs as Record<string, unknown>;
      if (typeof sha === 'string' && SHA256.test(sha)) digest = { algorithm: 'sha256', hex: sha };
      if (typeof lfsSize === 'number') bytes = lfsSize;
    } else if (lfs === undefined && typeof oid === 'string' && SHA1.test(oid))
      digest = { algorithm: 'git-sha1', hex: oid };
    if (!digest || !Number.isSafeInteger(bytes) || bytes < 0) continue;
    try {
      files.set(fileUrl(root, path), { size: bytes, digest });
    } catch {
      // A path no URL can be made of names no file web-llm would fetch.
    }
  }
  return files;
}

/** The next page, from a `Link: <…>; rel="next"` header; only on the listing's own origin. */
function nextPage(link: string | null, current: string): string | null {
  const href = link ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(link)?.[1] : undefined;
  if (!href) return null;
  const next = new URL(href, current);
  return next.origin === new URL(current).origin ? next.href : null;
}

const MAX_PAGES = 20;

export async function fetchPublished(
  base: string,
  fetchFn: typeof fetch,
  opts: { signal?: AbortSignal | undefined; pageOrigin: string | null },
): Promise<Published> {
  const listing = treeListingFor(base, opts.pageOrigin);
  if (!listing) return { state: 'unavailable', reason: 'the model’s host publishes no file hashes' };
  const files = new Map<string, PublishedFile>();
  let url: string | null = listing.url;
  try {
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const res = await fetchFn(url, { signal: opts.signal ?? null });
      if (!res.ok) return { state: 'unavailable', reason: `the file list answered HTTP ${res.status}` };
      for (const [k, v] of parseTreeListing(await res.json(), listing.root)) files.set(k, v);
      url = nextPage(res.headers.get('Link'), url);
    }
  } catch (e) {
    if (opts.signal?.aborted) throw e;
    const why = e instanceof Error ? e.message : String(e);
    return { state: 'unavailable', reason: `the file list could not be read (${why})` };
  }
  return { state: 'published', source: listing.url, files };
}
