/**
 * What the picker shows about a model: context window, GPU memory, required features and buffer size from
 * web-llm's own records (the build-time snapshot, never typed in by hand); family, size and quantization
 * parsed from the model id. Plus the default pair and the facts behind "Llama 3.1 has no 7B" (written here).
 */
import catalog from 'virtual:webllm-catalog';
import { bitsPerWeightForQuant, weightBytes } from '../metrics/roofline';
import type { CatalogEntry } from './catalog-types';

export { catalog };

export interface ModelFacts {
  id: string;
  family: string;
  params: string | null;
  quant: string | null;
  needsF16: boolean;
  contextWindow: number | null;
  vramMB: number | null;
  lowResource: boolean;
  bufferSizeRequired: number | null;
  /** Parameter count from the name (e.g. 3B → 3e9), when it says. */
  paramCount: number | null;
}

export function describeModel(e: CatalogEntry): ModelFacts {
  const quant = /q\d+f\d+(?:_\d+)?/.exec(e.id)?.[0] ?? null;
  const params = /(?:^|[-_])(\d+(?:\.\d+)?[BM])(?:[-_]|$)/i.exec(e.id)?.[1]?.toUpperCase() ?? null;
  const family = e.id.split(/-(?=\d+(?:\.\d+)?[BM][-_])/i)[0] ?? e.id;
  return {
    id: e.id,
    family,
    params,
    quant,
    needsF16: e.requiredFeatures.includes('shader-f16') || /f16/.test(quant ?? ''),
    contextWindow: e.contextWindow,
    vramMB: e.vramMB,
    lowResource: e.lowResource,
    bufferSizeRequired: e.bufferSizeRequired,
    paramCount: params ? Number(params.slice(0, -1)) * (params.endsWith('B') ? 1e9 : 1e6) : null,
  };
}

export function findModel(id: string): CatalogEntry | undefined {
  return catalog.find((m) => m.id === id);
}

/** Llama-3.2-3B against Llama-3.1-8B, in q4f16_1 when the GPU has shader-f16, else q4f32_1. */
export function defaultPair(hasF16: boolean): [string, string] {
  const q = hasF16 ? 'q4f16_1' : 'q4f32_1';
  return [`Llama-3.2-3B-Instruct-${q}-MLC`, `Llama-3.1-8B-Instruct-${q}-MLC`];
}

/** True 7B models from the same list, for people who came asking for "Llama 3.1 7B". */
export function sevenBAlternatives(hasF16: boolean): string[] {
  const q = hasF16 ? 'q4f16_1' : 'q4f32_1';
  return [`Qwen2.5-7B-Instruct-${q}-MLC`, `Mistral-7B-Instruct-v0.3-${q}-MLC`].filter((id) => findModel(id));
}

export const NO_LLAMA_31_7B =
  'Llama 3.1 was released in 8B, 70B and 405B sizes; there is no Llama 3.1 7B. ' +
  'The nearest Llama is the 8B; Qwen2.5-7B and Mistral-7B are true 7B models.';

/**
 * Download size estimate: parameters (from the name) × bits per weight of the quantization ÷ 8, or null
 * when the name gives either not. Shown with "≈"; the comparison table uses the exact size instead once a
 * download has read the model's tensor-cache manifest.
 */
export function estimateDownloadBytes(f: ModelFacts): number | null {
  const bits = f.quant ? bitsPerWeightForQuant(f.quant) : null;
  return f.paramCount !== null && bits !== null ? weightBytes(f.paramCount, bits) : null;
}

/** The same model with a 1k context window, when web-llm ships one (much less KV-cache memory). */
export function smallContextVariant(id: string): string | null {
  return findModel(`${id}-1k`) ? `${id}-1k` : null;
}
