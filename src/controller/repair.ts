/**
 * Repair: web-llm verifies cached bytes on every load, so a corrupt cached config, library or shard fails
 * every time until it is deleted. This deletes the model's entries from web-llm's caches and loads again.
 */
import { modelBaseUrl } from '../downloads/manifest';
import type { ModelSpec } from '../engine/types';
import { findModel } from '../features/models/catalog';
import type { PaneId } from '../store/types';
import { loadModel } from './load';

const CACHES = ['webllm/config', 'webllm/model', 'webllm/wasm'];

export async function deleteCachedModel(spec: ModelSpec): Promise<number> {
  const record = spec.url ? { model: spec.url, modelLib: spec.modelLib } : findModel(spec.id);
  if (!record || typeof caches === 'undefined') return 0;
  const base = modelBaseUrl(record.model);
  let removed = 0;
  for (const name of CACHES) {
    const cache = await caches.open(name);
    for (const req of await cache.keys()) {
      if (req.url.startsWith(base) || req.url === record.modelLib) {
        await cache.delete(req);
        removed++;
      }
    }
  }
  return removed;
}

export async function repairAndReload(pane: PaneId, spec: ModelSpec): Promise<void> {
  await deleteCachedModel(spec);
  await loadModel(pane, spec);
}
