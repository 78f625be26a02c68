/**
 * Whether a cached model is usable as it stands. For web-llm that is what its own `hasModelInCache` checks —
 * `tensor-cache.json` and every shard it lists — plus what a repeated load failure usually turns out to be
 * (failure mode 9): a shard of the wrong size, or an HTML error page stored as config, manifest or library.
 */
import { fileName, type CachedEntry, type WebLlmGroup } from './webllm-groups';

export type Health =
  { state: 'complete' } | { state: 'incomplete'; reason: string } | { state: 'damaged'; reason: string };

export interface Shard {
  path: string;
  /** Size the manifest promises, when it says. */
  nbytes: number | null;
}

export type Manifest = { ok: true; shards: Shard[] } | { ok: false; reason: string };

export const MANIFEST = 'tensor-cache.json';
export const CHAT_CONFIG = 'mlc-chat-config.json';

/** Reads a tvmjs tensor-cache manifest: `{ records: [{ dataPath, nbytes, … }] }`. */
export function parseTensorCache(text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: `${MANIFEST} is not valid JSON` };
  }
  const records: unknown = typeof json === 'object' && json !== null ? Reflect.get(json, 'records') : null;
  if (!Array.isArray(records)) return { ok: false, reason: `${MANIFEST} lists no shards` };
  const shards: Shard[] = [];
  for (const r of records as unknown[]) {
    const path: unknown = typeof r === 'object' && r !== null ? Reflect.get(r, 'dataPath') : null;
    const nbytes: unknown = typeof r === 'object' && r !== null ? Reflect.get(r, 'nbytes') : null;
    if (typeof path !== 'string' || path === '') return { ok: false, reason: `${MANIFEST} has a bad record` };
    if (!shards.some((s) => s.path === path))
      shards.push({ path, nbytes: typeof nbytes === 'number' && nbytes >= 0 ? nbytes : null });
  }
  return { ok: true, shards };
}

/** A response's Content-Length, when it carries a valid one (else the caller reads the body's size). */
export function parseContentLength(header: string | null): number | null {
  const v = header?.trim() ?? '';
  return /^\d+$/.test(v) ? Number(v) : null;
}

/** A WebAssembly module starts with `\0asm`; an HTML error page stored in its place does not. */
export function wasmProblem(url: string, head: Uint8Array): string | null {
  const ok = head.length >= 4 && head[0] === 0 && head[1] === 0x61 && head[2] === 0x73 && head[3] === 0x6d;
  return ok ? null : `${fileName(url)} is not a WebAssembly file`;
}

export function configProblem(text: string): string | null {
  try {
    const json: unknown = JSON.parse(text);
    return typeof json === 'object' && json !== null ? null : `${CHAT_CONFIG} is not a JSON object`;
  } catch {
    return `${CHAT_CONFIG} is not valid JSON`;
  }
}

export interface WebLlmFacts {
  /** The parsed manifest, or null when `tensor-cache.json` is not cached. */
  manifest: Manifest | null;
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
  const shards = facts.manifest?.ok ? facts.manifest.shards : [];
  const present = shards.filter((s) => byUrl.has(base + s.path));
  const parts = [
    facts.manifest === null
      ? 'no weights'
      : facts.manifest.ok
        ? `${present.length} of ${shards.length} weight shards`
        : 'unreadable manifest',
  ];
  if (group.entries.some((e) => e.cache === 'webllm/wasm')) parts.push('model library');
  else if (group.sharesLibraryWith) parts.push(`model library listed under ${group.sharesLibraryWith}`);
  if (group.entries.some((e) => e.cache === 'webllm/config')) parts.push('chat config');
  return { health: webLlmHealth(group, facts, byUrl, present, shards), parts: parts.join(' · ') };
}

function webLlmHealth(
  group: WebLlmGroup,
  facts: WebLlmFacts,
  byUrl: Map<string, CachedEntry>,
  present: Shard[],
  shards: Shard[],
): Health {
  const bad = group.entries.map((e) => facts.damaged.get(e.url)).find((r) => r !== undefined);
  if (bad) return { state: 'damaged', reason: bad };
  if (group.base === null) return { state: 'incomplete', reason: 'Model library only: no weights' };
  if (facts.manifest === null) {
    const orphans = group.entries.some((e) => e.cache === 'webllm/model');
    return { state: 'incomplete', reason: orphans ? `${MANIFEST} is missing` : 'Weights not downloaded' };
  }
  if (!facts.manifest.ok) return { state: 'damaged', reason: facts.manifest.reason };
  for (const s of present) {
    const size = byUrl.get(group.base + s.path)?.size;
    if (s.nbytes !== null && size !== undefined && size !== s.nbytes)
      return { state: 'damaged', reason: `${s.path} has ${size} bytes, expected ${s.nbytes}` };
  }
  if (present.length < shards.length) {
    const missing = shards.length - present.length;
    return { state: 'incomplete', reason: `${missing} of ${shards.length} weight shards missing` };
  }
  return { state: 'complete' };
}
