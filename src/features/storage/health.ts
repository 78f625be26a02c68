/**
 * Whether a cached model is usable as it stands, from what the cache holds (cheap: sizes, and the bodies of
 * the small files). For web-llm that is what its own `hasModelInCache` checks — `tensor-cache.json` and
 * every shard it lists — plus a shard of the wrong size, or an HTML error page stored as config, manifest or
 * library (failure mode 9). Repair checks the bytes themselves, and published hashes.
 */
import type { ManifestResult, ShardRecord } from '../../webllm-cache/manifest';
import { TENSOR_CACHE_FILE, CONFIG_CACHE, MODEL_CACHE, WASM_CACHE } from '../../webllm-cache/names';
import type { CachedEntry } from '../../webllm-cache/storage';
import { fileUrl } from '../../webllm-cache/urls';
import type { WebLlmGroup } from './webllm-groups';

export type Health =
  { state: 'complete' } | { state: 'incomplete'; reason: string } | { state: 'damaged'; reason: string };

export interface WebLlmFacts {
  /** The parsed manifest, or null when `tensor-cache.json` is not cached. */
  manifest: ManifestResult | null;
  /** Entries whose body is wrong, with why (`wasmProblem`, `configProblem`). */
  damaged: Map<string, string>;
}

export interface Assessment {
  health: Health;
  /** What is there, e.g. "2 of 2 weight shards · model library · chat config". */
  parts: string;
}

export function assessWebLlm(group: WebLlmGroup, facts: WebLlmFacts): Assessment {
  const byUrl = new Map<string, CachedEntry>(group.entries.map((e) => [e.url, e]));
  const base = group.base ?? '';
  const shards = facts.manifest?.ok ? facts.manifest.manifest.records : [];
  const present = base ? shards.filter((s) => byUrl.has(fileUrl(base, s.dataPath))) : [];
  const parts = [
    facts.manifest === null
      ? 'no weights'
      : facts.manifest.ok
        ? `${present.length} of ${shards.length} weight shards`
        : 'unreadable manifest',
  ];
  if (group.entries.some((e) => e.cache === WASM_CACHE)) parts.push('model library');
  else if (group.sharesLibraryWith) parts.push(`model library listed under ${group.sharesLibraryWith}`);
  if (group.entries.some((e) => e.cache === CONFIG_CACHE)) parts.push('chat config');
  return { health: webLlmHealth(group, facts, byUrl, present, shards), parts: parts.join(' · ') };
}

function webLlmHealth(
  group: WebLlmGroup,
  facts: WebLlmFacts,
  byUrl: Map<string, CachedEntry>,
  present: ShardRecord[],
  shards: ShardRecord[],
): Health {
  const bad = group.entries.map((e) => facts.damaged.get(e.url)).find((r) => r !== undefined);
  if (bad) return { state: 'damaged', reason: bad };
  if (group.base === null) return { state: 'incomplete', reason: 'Model library only: no weights' };
  if (facts.manifest === null) {
    const orphans = group.entries.some((e) => e.cache === MODEL_CACHE);
    return {
      state: 'incomplete',
      reason: orphans ? `${TENSOR_CACHE_FILE} is missing` : 'Weights not downloaded',
    };
  }
  if (!facts.manifest.ok) return { state: 'damaged', reason: facts.manifest.reason };
  for (const s of present) {
    const size = byUrl.get(fileUrl(group.base, s.dataPath))?.size;
    if (size !== undefined && size !== s.nbytes)
      return { state: 'damaged', reason: `${s.dataPath} has ${size} bytes, expected ${s.nbytes}` };
  }
  if (present.length < shards.length) {
    const missing = shards.length - present.length;
    return { state: 'incomplete', reason: `${missing} of ${shards.length} weight shards missing` };
  }
  return { state: 'complete' };
}
