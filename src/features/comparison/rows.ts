/** The comparison table's rows: what each shows, how it is measured, and whether blind mode hides it. */
import { formatUsd } from '../../metrics/cost';
import { modelLabel } from '../../security/model-label';
import { formatBytes, formatMs, formatRate } from '../../ui/format';
import type { PaneSummary } from './summary';

/**
 * What a row shows: 'identity' rows (what the model is, its size, memory, server and cost) are hidden
 * while blind; 'speed' rows only when "hide speed figures too" is on.
 */
export type Row = [
  label: string,
  method: string,
  cell: (s: PaneSummary) => string,
  kind: 'identity' | 'speed',
];

export const ROWS: Row[] = [
  ['Model', 'loaded in the pane', (s) => (s.modelId ? modelLabel(s.modelId) : '—'), 'identity'],
  ['Engine', 'runtime and version', (s) => s.engine ?? '—', 'identity'],
  ['Parameters', "from the model's name", (s) => s.params ?? '—', 'identity'],
  ['Quantization', "from the model's name", (s) => s.quant ?? '—', 'identity'],
  [
    'Download size',
    'exact bytes (the GGUF file, or the web-llm manifest once “Download now” read it); else ≈ parameters × bits per weight',
    (s) =>
      s.downloadBytes === null ? '—' : `${s.downloadMeasured ? '' : '≈ '}${formatBytes(s.downloadBytes)}`,
    'identity',
  ],
  [
    'GPU memory (peak)',
    'WebGPU buffers allocated by the engine, measured',
    (s) => (s.remoteHost ? 'on the server' : formatBytes(s.peakGpuBytes)),
    'identity',
  ],
  [
    'Context window',
    'tokens, as loaded',
    (s) => (s.contextWindow ? `${s.contextWindow} tokens` : '—'),
    'identity',
  ],
  [
    'Time to first token',
    'median over turns: request start → first token, worker timestamps',
    (s) =>
      `${formatMs(s.medianTtftMs)}${s.remoteHost ? ' (measured in this browser, includes network)' : ''}`,
    'speed',
  ],
  [
    'Decode rate',
    'median over turns: tokens after the first ÷ first → last token, worker timestamps',
    (s) =>
      `${formatRate(s.medianDecode)}${s.remoteHost ? ' (measured in this browser, includes network)' : ''}`,
    'speed',
  ],
  [
    'Roofline',
    'memory bandwidth ÷ weight bytes per token (≈ where the weight bytes are estimated)',
    (s) => {
      if (s.remoteHost) return 'on the server: not measurable here';
      if (s.ceiling === null) return 'measure bandwidth below';
      const about = s.ceilingEstimated ? '≈ ' : '';
      const pct = s.rooflineFraction !== null ? ` (${about}${(s.rooflineFraction * 100).toFixed(0)}%)` : '';
      return `ceiling ${about}${formatRate(s.ceiling)}, achieved ${formatRate(s.medianDecode)}${pct}`;
    },
    'identity',
  ],
  [
    'MMLU',
    "published (Meta's model cards, 5-shot): reference, not measured here",
    (s) => (s.mmlu === null ? '—' : `${s.mmlu.toFixed(1)}%`),
    'identity',
  ],
  [
    'Where it runs',
    'this browser, or the OpenAI-compatible server the pane sends its prompts to',
    (s) => (s.remoteHost ? `server at ${s.remoteHost}` : s.modelId ? 'this browser' : '—'),
    'identity',
  ],
  [
    'Cost (session)',
    'remote: the server’s prompt × input price + completion tokens × output price, per 1M tokens (price entered in the pane); in this browser: the download and memory above',
    (s) => {
      if (!s.remoteHost) return s.modelId ? 'download and memory (above)' : '—';
      if (!s.cost?.turns) return s.cost?.unknown ? 'unknown (no usage or no price)' : '—';
      return `${formatUsd(s.cost.usd)} over ${s.cost.turns} turn${s.cost.turns === 1 ? '' : 's'}`;
    },
    'identity',
  ],
];
