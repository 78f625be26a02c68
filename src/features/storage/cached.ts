/** Whether a model's files are already in this browser (so loading it downloads nothing). */
import type { ModelSpec } from '../../engine/types';
import { isModelCached } from './inventory';
import { readGgufModels } from './wllama-cache';

export async function isSpecCached(spec: ModelSpec): Promise<boolean> {
  try {
    if (spec.engine === 'webllm') return !spec.url && (await isModelCached(spec.id));
    const groups = await readGgufModels();
    return groups.some((g) => g.url === spec.url && g.health.state === 'complete');
  } catch {
    return false;
  }
}
