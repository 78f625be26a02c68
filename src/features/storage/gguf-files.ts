/**
 * GGUF files cached by wllama (@wllama/wllama 3.13, `CacheManager` over its `OPFSBackend`): one flat folder
 * `cache/` at the root of the origin private file system. Each download is a file named
 * `<sha1 of the URL, hex>_<last URL segment>` plus a JSON sidecar `__metadata__<that name>` holding
 * `{ originalURL, originalSize, etag, sha256?, mmprojURL? }`. wllama writes the sidecar after the file, so a
 * file without one, or shorter than `originalSize`, is an interrupted download.
 */
import type { Health } from './health';
import { fileName } from '../../webllm-cache/urls';

export const WLLAMA_DIR = 'cache';
export const METADATA_PREFIX = '__metadata__';

export interface OpfsFile {
  name: string;
  size: number;
}

export interface WllamaMetadata {
  originalURL: string;
  originalSize: number;
  mmprojURL?: string;
}

export interface GgufGroup {
  key: string;
  name: string;
  /** URL of the model (first shard of a split GGUF), or null when no record says. */
  url: string | null;
  /** OPFS data-file names; their `__metadata__` sidecars go with them. */
  files: OpfsFile[];
  size: number;
  health: Health;
  parts: string;
}

export function parseWllamaMetadata(text: string): WllamaMetadata | null {
  try {
    const j: unknown = JSON.parse(text);
    if (typeof j !== 'object' || j === null) return null;
    const url: unknown = Reflect.get(j, 'originalURL');
    const size: unknown = Reflect.get(j, 'originalSize');
    const mmproj: unknown = Reflect.get(j, 'mmprojURL');
    if (typeof url !== 'string' || typeof size !== 'number') return null;
    return {
      originalURL: url,
      originalSize: size,
      ...(typeof mmproj === 'string' ? { mmprojURL: mmproj } : {}),
    };
  } catch {
    return null;
  }
}

const SPLIT = /-(\d{5})-of-(\d{5})\.gguf$/;

interface Item {
  file: OpfsFile;
  meta: WllamaMetadata | null;
}

/**
 * @param files every entry of the folder, sidecars included
 * @param metadata parsed sidecars, keyed by the data file's name (null when unreadable)
 */
export function groupWllamaFiles(
  files: OpfsFile[],
  metadata: Map<string, WllamaMetadata | null>,
): GgufGroup[] {
  const data = files.filter((f) => !f.name.startsWith(METADATA_PREFIX));
  const names = new Set(data.map((f) => f.name));
  // A sidecar without its file: the data went elsewhere (cross-origin storage) or was lost.
  for (const name of metadata.keys()) if (!names.has(name)) data.push({ name, size: 0 });
  const items: Item[] = data.map((file) => ({ file, meta: metadata.get(file.name) ?? null }));
  const mmproj = new Set(items.flatMap((i) => (i.meta?.mmprojURL ? [i.meta.mmprojURL] : [])));
  const groups = new Map<string, { url: string | null; total: number; items: Item[] }>();
  const attach = (key: string, url: string | null, total: number, item: Item): void => {
    const g = groups.get(key) ?? { url: null, total: 0, items: [] };
    if (url) g.url = url;
    g.total = Math.max(g.total, total);
    g.items.push(item);
    groups.set(key, g);
  };
  for (const i of items) {
    const url = i.meta?.originalURL || null;
    const owner = url && mmproj.has(url) ? items.find((o) => o.meta?.mmprojURL === url)?.meta : undefined;
    const split = url ? SPLIT.exec(url) : null;
    if (owner) attach(groupUrl(owner.originalURL), null, 0, i);
    else if (url && split)
      attach(groupUrl(url), url.replace(SPLIT, `-00001-of-${split[2]}.gguf`), Number(split[2]), i);
    else if (url) attach(url, url, 1, i);
    else attach(`file:${i.file.name}`, null, 1, i);
  }
  const out: GgufGroup[] = [];
  for (const [key, g] of groups) {
    const model = g.items.filter((i) => !(i.meta && mmproj.has(i.meta.originalURL)));
    out.push({
      key: `gguf:${key}`,
      name: g.url ? fileName(g.url) : (g.items[0]?.file.name.replace(/^[0-9a-f]{40}_/, '') ?? key),
      url: g.url,
      files: g.items.map((i) => i.file),
      size: g.items.reduce((n, i) => n + i.file.size, 0),
      health: model.length ? ggufHealth(g.items, g.total) : { state: 'incomplete', reason: 'Projector only' },
      parts: partsOf(model.length, g.total, g.items.length - model.length),
    });
  }
  return out;
}

function groupUrl(url: string): string {
  return url.replace(SPLIT, '');
}

function partsOf(files: number, total: number, extra: number): string {
  const main = total > 1 ? `${files} of ${total} GGUF shards` : 'GGUF file';
  return extra > 0 ? `${main} · projector` : main;
}

function ggufHealth(items: Item[], total: number): Health {
  for (const { file, meta } of items) {
    if (!meta)
      return { state: 'incomplete', reason: 'No download record: the download may have been interrupted' };
    if (file.size < meta.originalSize)
      return {
        state: 'incomplete',
        reason: `${fileName(meta.originalURL)}: ${file.size} of ${meta.originalSize} bytes`,
      };
    if (file.size > meta.originalSize)
      return { state: 'damaged', reason: `${fileName(meta.originalURL)} is larger than downloaded` };
  }
  const shards = items.filter((i) => i.meta && SPLIT.test(i.meta.originalURL)).length;
  if (total > 1 && shards < total)
    return { state: 'incomplete', reason: `${total - shards} of ${total} GGUF shards missing` };
  return { state: 'complete' };
}
