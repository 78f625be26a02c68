/**
 * One pane's column of the comparison table: what the model is (from its record), what it cost here
 * (measured), what it delivered (measured), and the published reference scores — each with its source.
 */
import type { BandwidthResult, MemorySample } from '../../engine/types';
import { decodeCeiling, rooflineFraction } from '../../metrics/roofline';
import { median } from '../../metrics/stats';
import { turnMetrics } from '../../metrics/turn';
import { publishedMmlu } from '../../quality/published';
import type { PaneState } from '../../store/types';
import { describeModel, estimateDownloadBytes, findModel } from '../models/catalog';

export interface PaneSummary {
  modelId: string | null;
  engine: string | null;
  params: string | null;
  quant: string | null;
  downloadBytes: number | null;
  downloadMeasured: boolean;
  peakGpuBytes: number | null;
  contextWindow: number | null;
  turns: number;
  medianTtftMs: number | null;
  medianDecode: number | null;
  ceiling: number | null;
  rooflineFraction: number | null;
  bandwidthMethod: string | null;
  mmlu: number | null;
}

export function summarize(
  p: Pick<PaneState, 'model' | 'info' | 'progress' | 'messages'>,
  memory: readonly MemorySample[],
  bandwidth: { gpu: BandwidthResult | null; cpu: BandwidthResult | null },
): PaneSummary {
  const id = p.model?.id ?? null;
  const entry = id && p.model?.engine === 'webllm' ? findModel(id) : undefined;
  const facts = entry ? describeModel(entry) : null;
  const gguf = p.model?.engine === 'llamacpp';
  const measuredDownload = gguf && p.progress?.total ? p.progress.total : null;
  const downloadBytes = measuredDownload ?? (facts ? estimateDownloadBytes(facts) : null);
  const metrics = p.messages.flatMap((m) =>
    m.turn
      ? [
          turnMetrics({
            startedAt: m.turn.startedAt,
            endedAt: m.turn.endedAt,
            tokenTimes: m.turn.tokenTimes,
            promptTokens: m.turn.engineStats.promptTokens,
          }),
        ]
      : [],
  );
  const ttfts = metrics.flatMap((m) => (m.ttftMs !== null ? [m.ttftMs] : []));
  const decodes = metrics.flatMap((m) => (m.decodeTokensPerS !== null ? [m.decodeTokensPerS] : []));
  const medianDecode = median(decodes);
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
    downloadMeasured: measuredDownload !== null,
    peakGpuBytes: peaks.length ? Math.max(...peaks) : null,
    contextWindow: p.info?.contextWindow ?? facts?.contextWindow ?? null,
    turns: metrics.length,
    medianTtftMs: median(ttfts),
    medianDecode,
    ceiling,
    rooflineFraction: rooflineFraction(medianDecode, ceiling),
    bandwidthMethod: bw?.method ?? null,
    mmlu: id ? publishedMmlu(id) : null,
  };
}
