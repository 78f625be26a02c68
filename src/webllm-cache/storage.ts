/**
 * Reading and deleting what web-llm keeps in Cache Storage, straight from the caches (so the page never
 * loads web-llm). Every size is measured from the stored body, never taken from a header: an entry whose
 * length is not known is not known to be complete.
 */
import { wasmProblem, configProblem } from './checks';
import { decodeManifest } from './manifest';
import {
  CONFIG_CACHE,
  MODEL_CACHE,
  TENSOR_CACHE_FILE,
  CHAT_CONFIG_FILE,
  WASM_CACHE,
  WEBLLM_CACHE_PREFIX,
  WEBLLM_CACHES,
  type WebLlmCacheName,
} from './names';
import { fileUrl, manifestUrl } from './urls';

export interface CachedEntry {
  cache: WebLlmCacheName;
  url: string;
  /** Body size in bytes, measured. */
  size: number;
}

function storageOf(storage?: CacheStorage): CacheStorage | null {
  return storage ?? (typeof caches === 'undefined' ? null : caches);
}

/** The web-llm caches that exist (opening one would create it). */
export async function existingCaches(storage?: CacheStorage): Promise<WebLlmCacheName[]> {
  const s = storageOf(storage);
  if (!s) return [];
  const names = await s.keys();
  return WEBLLM_CACHES.filter((n) => names.includes(n));
}

/** The stored body's size, measured (a cached body is a blob: its size is known without reading it). */
export async function bodySize(res: Response): Promise<number> {
  return (await res.blob()).size;
}

/** Whether `url` is stored (among `keys`, as web-llm's `hasAllKeys` checks) with exactly `nbytes` bytes. */
export async function hasEntryOfSize(
  cache: Cache,
  keys: ReadonlySet<string>,
  url: string,
  nbytes: number,
): Promise<boolean> {
  if (!keys.has(url)) return false;
  const res = await cache.match(url);
  return res !== undefined && (await bodySize(res)) === nbytes;
}

export interface CacheReading {
  entries: CachedEntry[];
  /** Text of every cached manifest and chat config, by URL. */
  texts: Map<string, string>;
  /** Entries whose body is wrong, with why (an HTML page stored as config or library). */
  problems: Map<string, string>;
}

async function readEntry(cache: Cache, name: WebLlmCacheName, req: Request, into: CacheReading) {
  const res = await cache.match(req);
  if (!res) return;
  const url = req.url;
  const blob = await res.blob();
  into.entries.push({ cache: name, url, size: blob.size });
  if (name === WASM_CACHE) {
    const problem = wasmProblem(url, new Uint8Array(await blob.slice(0, 4).arrayBuffer()));
    if (problem) into.problems.set(url, problem);
    return;
  }
  const isConfig = name === CONFIG_CACHE && url.endsWith('/' + CHAT_CONFIG_FILE);
  if (!isConfig && !(name === MODEL_CACHE && url.endsWith('/' + TENSOR_CACHE_FILE))) return;
  const text = await blob.text();
  into.texts.set(url, text);
  const problem = isConfig ? configProblem(text) : null;
  if (problem) into.problems.set(url, problem);
}

export async function readWebLlmCaches(storage?: CacheStorage): Promise<CacheReading> {
  const out: CacheReading = { entries: [], texts: new Map(), problems: new Map() };
  const s = storageOf(storage);
  if (!s) return out;
  for (const name of await existingCaches(s)) {
    const cache = await s.open(name);
    for (const req of await cache.keys()) await readEntry(cache, name, req, out);
  }
  return out;
}

export async function deleteEntries(
  entries: readonly Pick<CachedEntry, 'cache' | 'url'>[],
  storage?: CacheStorage,
): Promise<void> {
  const s = storageOf(storage);
  if (!s) return;
  for (const name of await existingCaches(s)) {
    const mine = entries.filter((e) => e.cache === name);
    if (!mine.length) continue;
    const cache = await s.open(name);
    await Promise.all(mine.map((e) => cache.delete(e.url)));
  }
}

/** Every `webllm/*` cache, including any this version does not list. */
export async function deleteAllWebLlmCaches(storage?: CacheStorage): Promise<void> {
  const s = storageOf(storage);
  if (!s) return;
  const names = (await s.keys()).filter((n) => n.startsWith(WEBLLM_CACHE_PREFIX));
  await Promise.all(names.map((n) => s.delete(n)));
}

/**
 * Whether the weights at `base` are all cached: what web-llm's `hasModelInCache` checks (the manifest and
 * every shard it lists), and stricter — each shard has the size the manifest gives it.
 */
export async function hasWeights(base: string, storage?: CacheStorage): Promise<boolean> {
  if (!(await existingCaches(storage)).includes(MODEL_CACHE)) return false;
  const s = storageOf(storage);
  if (!s) return false;
  const cache = await s.open(MODEL_CACHE);
  const res = await cache.match(manifestUrl(base));
  if (!res) return false;
  const parsed = decodeManifest(await res.text());
  if (!parsed.ok) return false;
  const keys = new Set((await cache.keys()).map((r) => r.url));
  for (const r of parsed.manifest.records)
    if (!(await hasEntryOfSize(cache, keys, fileUrl(base, r.dataPath), r.nbytes))) return false;
  return true;
}
