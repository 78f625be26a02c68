/**
 * Reads and deletes what web-llm keeps in Cache Storage, straight from the caches (so the page never loads
 * web-llm): sizes from each response, plus the manifest, chat config and library heads to judge health.
 */
import {
  assessWebLlm,
  CHAT_CONFIG,
  configProblem,
  MANIFEST,
  parseContentLength,
  parseTensorCache,
  wasmProblem,
  type Health,
} from './health';
import {
  groupWebLlmEntries,
  WEBLLM_CACHES,
  type CachedEntry,
  type KnownModel,
  type WebLlmCacheName,
  type WebLlmGroup,
} from './webllm-groups';

export interface WebLlmModel extends WebLlmGroup {
  size: number;
  health: Health;
  parts: string;
}

interface Read {
  entry: CachedEntry;
  text: string | null;
  problem: string | null;
}

async function readEntry(cache: Cache, name: WebLlmCacheName, req: Request): Promise<Read | null> {
  const res = await cache.match(req);
  if (!res) return null;
  const url = req.url;
  const length = parseContentLength(res.headers.get('content-length'));
  const isWasm = name === 'webllm/wasm';
  const isJson =
    (name === 'webllm/model' && url.endsWith('/' + MANIFEST)) ||
    (name === 'webllm/config' && url.endsWith('/' + CHAT_CONFIG));
  if (!isWasm && !isJson) {
    const size = length ?? (await res.blob()).size;
    return { entry: { cache: name, url, size }, text: null, problem: null };
  }
  const blob = await res.blob();
  const entry = { cache: name, url, size: blob.size };
  if (isWasm) {
    const head = new Uint8Array(await blob.slice(0, 4).arrayBuffer());
    return { entry, text: null, problem: wasmProblem(url, head) };
  }
  const text = await blob.text();
  return { entry, text, problem: name === 'webllm/config' ? configProblem(text) : null };
}

/** The web-llm caches that exist (opening one would create it). */
async function existingCaches(): Promise<WebLlmCacheName[]> {
  if (typeof caches === 'undefined') return [];
  const names = await caches.keys();
  return WEBLLM_CACHES.filter((n) => names.includes(n));
}

export async function readWebLlmModels(known: KnownModel[]): Promise<WebLlmModel[]> {
  const entries: CachedEntry[] = [];
  const manifests = new Map<string, string>();
  const damaged = new Map<string, string>();
  for (const name of await existingCaches()) {
    const cache = await caches.open(name);
    const reads = await Promise.all((await cache.keys()).map((r) => readEntry(cache, name, r)));
    for (const r of reads) {
      if (!r) continue;
      entries.push(r.entry);
      if (r.problem) damaged.set(r.entry.url, r.problem);
      if (r.text !== null && name === 'webllm/model') manifests.set(r.entry.url, r.text);
    }
  }
  return groupWebLlmEntries(entries, known).map((g) => {
    const text = g.base === null ? undefined : manifests.get(g.base + MANIFEST);
    const manifest = text === undefined ? null : parseTensorCache(text);
    const size = g.entries.reduce((n, e) => n + e.size, 0);
    return { ...g, size, ...assessWebLlm(g, { manifest, damaged }) };
  });
}

export async function deleteWebLlmEntries(entries: CachedEntry[]): Promise<void> {
  for (const name of await existingCaches()) {
    const mine = entries.filter((e) => e.cache === name);
    if (!mine.length) continue;
    const cache = await caches.open(name);
    await Promise.all(mine.map((e) => cache.delete(e.url)));
  }
}

/** Every `webllm/*` cache, including any this version does not list. */
export async function deleteAllWebLlmCaches(): Promise<void> {
  if (typeof caches === 'undefined') return;
  const names = (await caches.keys()).filter((n) => n.startsWith('webllm/'));
  await Promise.all(names.map((n) => caches.delete(n)));
}

/** What web-llm's `hasModelInCache` checks: the manifest at `base` and every shard it lists. */
export async function weightsCached(base: string): Promise<boolean> {
  if (!(await existingCaches()).includes('webllm/model')) return false;
  const cache = await caches.open('webllm/model');
  const res = await cache.match(base + MANIFEST);
  if (!res) return false;
  const manifest = parseTensorCache(await res.text());
  if (!manifest.ok) return false;
  const hits = await Promise.all(manifest.shards.map((s) => cache.match(base + s.path)));
  return hits.every(Boolean);
}
