/**
 * Build-time snapshot of web-llm's prebuilt model records, served as `virtual:webllm-catalog`.
 * The page needs the list (ids, memory, context window) but must not load the 6.8 MB runtime to get it:
 * the runtime is only ever imported inside the engine worker.
 */
import type { Plugin } from 'vite';

import type { CatalogEntry } from '../src/catalog/catalog-types';

export async function loadCatalog(): Promise<CatalogEntry[]> {
  const { prebuiltAppConfig, ModelType } = await import('@mlc-ai/web-llm');
  return prebuiltAppConfig.model_list.map((m) => ({
    id: m.model_id,
    model: m.model,
    modelLib: m.model_lib,
    vramMB: m.vram_required_MB ?? null,
    lowResource: m.low_resource_required ?? false,
    requiredFeatures: m.required_features ?? [],
    contextWindow: m.overrides?.context_window_size ?? null,
    bufferSizeRequired: m.buffer_size_required_bytes ?? null,
    modelType:
      m.model_type === ModelType.embedding ? 'embedding' : m.model_type === ModelType.VLM ? 'vlm' : 'llm',
  }));
}

export function webllmCatalog(): Plugin {
  const id = 'virtual:webllm-catalog';
  return {
    name: 'tandem-webllm-catalog',
    resolveId: (source) => (source === id ? '\0' + id : null),
    async load(resolved) {
      if (resolved !== '\0' + id) return null;
      return `export default ${JSON.stringify(await loadCatalog())};`;
    },
  };
}
