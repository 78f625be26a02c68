import { useShallow } from 'zustand/react/shallow';
import { measureBandwidth } from '../../controller/diagnostics';
import { downloadUrlFor } from '../../controller/download';
import { useDownloadStore, type DownloadState } from '../../downloads/download-store';
import { useStore } from '../../store/store';
import type { PaneId, PaneState } from '../../store/types';
import { formatUsd } from '../../metrics/cost';
import { formatBytes, formatMs, formatRate } from '../../ui/format';
import { modelLabel } from '../../security/model-label';
import { MmluMeasuredRow } from './mmlu-row';
import { summarize, type PaneSummary } from './summary';
import { useMemo, useState } from 'react';

type Row = [label: string, method: string, cell: (s: PaneSummary) => string];

const ROWS: Row[] = [
  ['Model', 'loaded in the pane', (s) => (s.modelId ? modelLabel(s.modelId) : '—')],
  ['Engine', 'runtime and version', (s) => s.engine ?? '—'],
  ['Parameters', "from the model's name", (s) => s.params ?? '—'],
  ['Quantization', "from the model's name", (s) => s.quant ?? '—'],
  [
    'Download size',
    'exact bytes (the GGUF file, or the web-llm manifest once “Download now” read it); else ≈ parameters × bits per weight',
    (s) =>
      s.downloadBytes === null ? '—' : `${s.downloadMeasured ? '' : '≈ '}${formatBytes(s.downloadBytes)}`,
  ],
  [
    'GPU memory (peak)',
    'WebGPU buffers allocated by the engine, measured',
    (s) => (s.remoteHost ? 'on the server' : formatBytes(s.peakGpuBytes)),
  ],
  ['Context window', 'tokens, as loaded', (s) => (s.contextWindow ? `${s.contextWindow} tokens` : '—')],
  [
    'Time to first token',
    'median over turns: request start → first token, worker timestamps',
    (s) =>
      `${formatMs(s.medianTtftMs)}${s.remoteHost ? ' (measured in this browser, includes network)' : ''}`,
  ],
  [
    'Decode rate',
    'median over turns: tokens after the first ÷ first → last token, worker timestamps',
    (s) =>
      `${formatRate(s.medianDecode)}${s.remoteHost ? ' (measured in this browser, includes network)' : ''}`,
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
  ],
  [
    'MMLU',
    "published (Meta's model cards, 5-shot): reference, not measured here",
    (s) => (s.mmlu === null ? '—' : `${s.mmlu.toFixed(1)}%`),
  ],
  [
    'Where it runs',
    'this browser, or the OpenAI-compatible server the pane sends its prompts to',
    (s) => (s.remoteHost ? `server at ${s.remoteHost}` : s.modelId ? 'this browser' : '—'),
  ],
  [
    'Cost (session)',
    'remote: the server’s prompt × input price + completion tokens × output price, per 1M tokens (price entered in the pane); in this browser: the download and memory above',
    (s) => {
      if (!s.remoteHost) return s.modelId ? 'download and memory (above)' : '—';
      if (!s.cost?.turns) return s.cost?.unknown ? 'unknown (no usage or no price)' : '—';
      return `${formatUsd(s.cost.usd)} over ${s.cost.turns} turn${s.cost.turns === 1 ? '' : 's'}`;
    },
  ],
];

/** The exact weight bytes of the pane's web-llm model, once a download in this session read its manifest. */
function knownTotal(d: DownloadState, pane: PaneId, model: PaneState['model']): number | null {
  const url = model ? downloadUrlFor(model) : null;
  const p = d.panes[pane];
  return url !== null && p.modelUrl === url && p.progress && p.progress.total > 0 ? p.progress.total : null;
}

/** One pane's column; not the whole pane: the streaming draft changes every frame and is not in the table. */
function usePaneSummary(pane: PaneId): PaneSummary {
  const [model, info, progress, messages, memory, bandwidth] = useStore(
    useShallow((s) => {
      const p = s.panes[pane];
      return [p.model, p.info, p.progress, p.messages, s.memory[pane], s.bandwidth] as const;
    }),
  );
  const known = useDownloadStore((d) => knownTotal(d, pane, model));
  const price = useStore((s) => s.settings.prices[pane]);
  return useMemo(
    () => summarize({ model, info, progress, messages }, memory, bandwidth, known, price),
    [model, info, progress, messages, memory, bandwidth, known, price],
  );
}

export function ComparisonTable() {
  const a = usePaneSummary('a');
  const b = usePaneSummary('b');
  const bandwidth = useStore((s) => s.bandwidth);
  const [measuring, setMeasuring] = useState(false);
  return (
    <section className="comparison" aria-label="Comparison">
      <h2>The comparison, measured</h2>
      <table>
        <caption>
          What each model is, what it cost on this device and what it delivered. Figures are measured here
          unless the method says otherwise.
        </caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">Pane A</th>
            <th scope="col">Pane B</th>
            <th scope="col">Method</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([label, method, cell]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{cell(a)}</td>
              <td>{cell(b)}</td>
              <td className="method">{method}</td>
            </tr>
          ))}
          <MmluMeasuredRow />
        </tbody>
      </table>
      <div className="row">
        <button
          type="button"
          disabled={measuring}
          onClick={() => {
            setMeasuring(true);
            void measureBandwidth().finally(() => setMeasuring(false));
          }}
        >
          {measuring ? 'Measuring bandwidth…' : 'Measure memory bandwidth (about 3 s)'}
        </button>
        {bandwidth.gpu && (
          <span>
            GPU: {formatBytes(bandwidth.gpu.bytesPerS)}/s ({bandwidth.gpu.method})
          </span>
        )}
        {bandwidth.cpu && (
          <span>
            CPU: {formatBytes(bandwidth.cpu.bytesPerS)}/s ({bandwidth.cpu.method})
          </span>
        )}
      </div>
    </section>
  );
}
