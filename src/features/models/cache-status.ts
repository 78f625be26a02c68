/**
 * Whether a web-llm model's weights are already in this browser, read straight from the Cache API the
 * way web-llm stores them (cache "webllm/model", keyed by URL): the tensor-cache manifest and every shard
 * it lists must be present. The page does this itself so it never has to load web-llm.
 */
import { findModel } from './catalog';

function baseUrl(model: string): string {
  let u = model.endsWith('/') ? model : model + '/';
  if (!/\/resolve\/[^/]+\/$/.test(u)) u += 'resolve/main/';
  return u;
}

export async function isModelCached(id: string): Promise<boolean> {
  const e = findModel(id);
  if (!e || typeof caches === 'undefined') return false;
  try {
    const cache = await caches.open('webllm/model');
    const base = baseUrl(e.model);
    const manifest = await cache.match(base + 'tensor-cache.json');
    if (!manifest) return false;
    const json = (await manifest.json()) as { records?: { dataPath?: string }[] };
    const shards = (json.records ?? [])
      .map((r) => r.dataPath)
      .filter((p): p is string => typeof p === 'string');
    const hits = await Promise.all(shards.map((p) => cache.match(base + p)));
    return hits.every(Boolean);
  } catch {
    return false;
  }
}
