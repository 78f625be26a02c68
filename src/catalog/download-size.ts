/**
 * A pane's download size, as exact as it is known: a GGUF's bytes as fetched, a web-llm model's manifest total
 * once a download read it; otherwise an estimate from the catalog (parameters × bits per weight), marked so.
 * One rule for the comparison table and the presentation summary.
 */
import type { ModelSpec } from '../engine/types';
import { describeModel, estimateDownloadBytes, findModel } from './catalog';

/** Where a web-llm model's weights come from (its repository), or null for other engines. */
export function webllmDownloadUrl(spec: ModelSpec): string | null {
  if (spec.engine !== 'webllm') return null;
  return spec.url ?? findModel(spec.id)?.model ?? null;
}

export interface DownloadSize {
  bytes: number | null;
  /** The file's (or the manifest's) own size, not an estimate. */
  exact: boolean;
}

export function downloadSize(
  model: ModelSpec | null,
  fetchedTotal: number | null | undefined,
  manifestTotal: number | null,
): DownloadSize {
  if (!model || model.engine === 'remote') return { bytes: null, exact: false };
  const exact = model.engine === 'llamacpp' ? fetchedTotal || null : manifestTotal || null;
  if (exact !== null) return { bytes: exact, exact: true };
  const entry = model.engine === 'webllm' ? findModel(model.id) : undefined;
  return { bytes: entry ? estimateDownloadBytes(describeModel(entry)) : null, exact: false };
}
