/** Whether a model's files are already in this browser (so loading it downloads nothing). */
import type { ModelSpec } from '../../engine/types';
import { hasWeights } from '../../webllm-cache/storage';
import { modelBaseUrl } from '../../webllm-cache/urls';
import { findModel } from '../../catalog/catalog';
import { readGgufModels } from './wllama-cache';

export async function isSpecCached(spec: ModelSpec): Promise<boolean> {
  // A server holds its own models: nothing of it is ever in this browser.
  if (spec.engine === 'remote') return false;
  try {
    if (spec.engine === 'webllm') {
      const e = spec.url ? null : findModel(spec.id);
      return e ? await hasWeights(modelBaseUrl(e.model)) : false;
    }
    const groups = await readGgufModels();
    return groups.some((g) => g.url === spec.url && g.health.state === 'complete');
  } catch {
    return false;
  }
}
