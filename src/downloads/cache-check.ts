/**
 * Before a download: which shards the cache already holds intact. By default a shard is intact when it is
 * stored at exactly its manifest size, measured (cheap, so a resumed download starts at once); with
 * `checkCached` (Repair) its bytes are read and checked against the published hash too. A stored shard
 * that fails is deleted — web-llm would otherwise take it as present — and fetched again.
 */
import type { TensorCacheManifest } from '../webllm-cache/manifest';
import type { Published } from '../webllm-cache/published';
import { bodySize } from '../webllm-cache/storage';
import { fileUrl } from '../webllm-cache/urls';
import { checkCached, expectationFor, type Expectation, type Verdict } from '../webllm-cache/verify';
import type { FileOutcome } from './outcome';

export interface PendingShard {
  expect: Expectation & { size: number };
  /** Its entry in the report, completed when it is fetched. */
  outcome: FileOutcome;
}

/** The full check (bytes and hash), or only the measured size. */
async function check(cache: Cache, url: string, e: PendingShard['expect'], full: boolean): Promise<Verdict> {
  if (full) return checkCached(cache, url, e);
  const res = await cache.match(url);
  if (!res) return { state: 'missing' };
  const size = await bodySize(res);
  if (size === e.size) return { state: 'ok', method: 'size' };
  return { state: 'damaged', reason: `${e.name} has ${size} bytes, expected ${e.size}`, failed: 'size' };
}

export async function checkCachedShards(
  cache: Cache,
  base: string,
  manifest: TensorCacheManifest,
  opts: { published: Published; checkCached: boolean },
  onIntact: (nbytes: number) => void,
): Promise<{ files: FileOutcome[]; pending: PendingShard[] }> {
  const keys = new Set((await cache.keys()).map((r) => r.url));
  const files: FileOutcome[] = [];
  const pending: PendingShard[] = [];
  for (const r of manifest.records) {
    const url = fileUrl(base, r.dataPath);
    const expect = {
      ...expectationFor(url, { name: r.dataPath, size: r.nbytes }, opts.published),
      size: r.nbytes,
    };
    const outcome: FileOutcome = { name: r.dataPath, url, found: 'missing', fetched: false, method: null };
    files.push(outcome);
    const v = keys.has(url) ? await check(cache, url, expect, opts.checkCached) : null;
    if (v?.state === 'ok') outcome.method = v.method;
    else if (v?.state === 'damaged') Object.assign(outcome, { found: 'damaged', reason: v.reason });
    if (outcome.method !== null) {
      outcome.found = 'ok';
      onIntact(r.nbytes);
      continue;
    }
    if (outcome.found === 'damaged') await cache.delete(url);
    pending.push({ expect, outcome });
  }
  return { files, pending };
}
