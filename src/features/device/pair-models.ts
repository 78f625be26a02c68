/** The facts the pair verdict weighs, for the web-llm models among a set of picks. */
import type { ModelSpec } from '../../engine/types';
import { describeModel, estimateDownloadBytes, findModel } from '../../catalog/catalog';
import type { PairModel } from './verdict';

export function pairModels(specs: readonly (ModelSpec | null | undefined)[]): PairModel[] {
  return specs.flatMap((p) => {
    const e = p?.engine === 'webllm' && !p.url ? findModel(p.id) : undefined;
    if (!e) return [];
    const f = describeModel(e);
    return [
      {
        id: e.id,
        vramMB: e.vramMB,
        downloadBytes: estimateDownloadBytes(f),
        needsF16: f.needsF16,
        bufferSizeRequired: e.bufferSizeRequired,
      },
    ];
  });
}

export function deviceMemoryGB(): number | null {
  const n = (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
  return typeof n === 'number' ? n : null;
}
