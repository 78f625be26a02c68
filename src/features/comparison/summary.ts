/**
 * One pane's column of the comparison table: what the model is (from its record), what it cost here
 * (measured), what it delivered (measured: src/metrics/figures.ts, as in the pane and the exports), and
 * the published reference scores — each with its source. Estimates are marked as such.
 */
import type { BandwidthResult, MemorySample } from '../../engine/types';
import { decodeCeiling, rooflineFraction } from '../../metrics/roofline';
import { paneCost, type SessionCost } from '../../metrics/cost';
import { paneFigures, turnFigures } from '../../metrics/figures';
import { publishedMmlu } from '../../quality/published';
import { noPrice, type PaneState, type Price } from '../../store/types';
import { describeModel, findModel } from '../../catalog/catalog';
import { downloadSize } from '../../catalog/download-size';

export interface PaneSummary {
  modelId: string | null;
  engine: string | null;
  params: string | null;
  quant: string | null;
  downloadBytes: number | null;
  /** Exact (the GGUF's size, or the web-llm manifest's sum of shards), not estimated. */
  downloadMeasured: boolean;
  peakGpuBytes: number | null;
  contextWindow: number | null;
  turns: number;
  medianTtftMs: number | null;
  medianDecode: number | null;
  ceiling: number | null;
  /** The ceiling rests on an estimated download size. */
  ceilingEstimated: boolean;
  rooflineFraction: number | null;
  bandwidthMethod: string | null;
  mmlu: number | null;
  /** The pane runs on a server (its host), or null: in this browser. */
  remoteHost: string | null;
  /** Remote panes: the session's cost at the pane's price. */
  cost: SessionCost | null;
}

/**
 * `knownDownloadBytes`: the exact size of a web-llm model's weights once "Download now" read its
 * manifest (the download store's total), else null.
 */
export function summarize(
  p: Pick<PaneState, 'model' | 'info' | 'progress' | 'messages'>,
  memory: readonly MemorySample[],
  bandwidth: { gpu: BandwidthResult | null; cpu: BandwidthResult | null },
  knownDownloadBytes: number | null = null,
  price: Price = noPrice,
): PaneSummary {
  const id = p.model?.id ?? null;
  const remote = p.model?.engine === 'remote' && p.model.url ? new URL(p.model.url) : null;
  const entry = id && p.model?.engine === 'webllm' ? findModel(id) : undefined;
  const facts = entry ? describeModel(entry) : null;
  const gguf = p.model?.engine === 'llamacpp';
  const size = downloadSize(p.model, p.progress?.total, knownDownloadBytes);
  const downloadBytes = size.bytes;
  const exact = size.exact ? size.bytes : null;
  const figures = paneFigures(
    p.messages.flatMap((m) =>
      m.turn ? [turnFigures({ ...m.turn, ...(m.status ? { status: m.status } : {}) })] : [],
    ),
  );
  const medianDecode = figures.medianDecode;
  // Decode reads every weight once per token: bandwidth ÷ weight bytes is the ceiling.
  const bw = gguf ? bandwidth.cpu : bandwidth.gpu;
  const ceiling = bw && downloadBytes ? decodeCeiling(bw.bytesPerS, downloadBytes) : null;
  const peaks = memory.map((s) => s.gpuPeakBytes);
  return {
    modelId: id,
    engine: p.info?.runtimeVersion ?? null,
    params: facts?.params ?? null,
    quant:
      facts?.quant ??
      (gguf ? (/(?:^|[-_.])((?:I?Q\d[\w]*)|F16|F32|BF16)\.gguf$/i.exec(id ?? '')?.[1] ?? null) : null),
    downloadBytes,
    downloadMeasured: exact !== null,
    peakGpuBytes: peaks.length ? Math.max(...peaks) : null,
    contextWindow: p.info?.contextWindow ?? facts?.contextWindow ?? null,
    turns: figures.turns,
    medianTtftMs: figures.medianTtftMs,
    medianDecode,
    ceiling,
    ceilingEstimated: ceiling !== null && exact === null,
    rooflineFraction: rooflineFraction(medianDecode, ceiling),
    bandwidthMethod: bw?.method ?? null,
    mmlu: id ? publishedMmlu(id) : null,
    remoteHost: remote ? remote.host : null,
    cost: remote
      ? paneCost(
          p.messages.flatMap((m) => (m.turn ? [m.turn] : [])),
          price,
        )
      : null,
  };
}
