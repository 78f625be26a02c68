import { useShallow } from 'zustand/react/shallow';
import { measureBandwidth } from '../../controller/diagnostics';
import { useStore } from '../../store/store';
import { formatBytes, formatMs, formatRate } from '../../ui/format';
import { modelLabel } from '../models/model-url';
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
    'measured bytes, or ≈ parameters × bits per weight',
    (s) =>
      s.downloadBytes === null ? '—' : `${s.downloadMeasured ? '' : '≈ '}${formatBytes(s.downloadBytes)}`,
  ],
  [
    'GPU memory (peak)',
    'WebGPU buffers allocated by the engine, measured',
    (s) => formatBytes(s.peakGpuBytes),
  ],
  ['Context window', 'tokens, as loaded', (s) => (s.contextWindow ? `${s.contextWindow} tokens` : '—')],
  ['Time to first token', 'median over turns, worker timestamps', (s) => formatMs(s.medianTtftMs)],
  ['Decode rate', 'median over turns, worker timestamps', (s) => formatRate(s.medianDecode)],
  [
    'Roofline',
    'memory bandwidth ÷ weight bytes per token',
    (s) =>
      s.ceiling === null
        ? 'measure bandwidth below'
        : `ceiling ${formatRate(s.ceiling)}, achieved ${formatRate(s.medianDecode)}${s.rooflineFraction !== null ? ` (${(s.rooflineFraction * 100).toFixed(0)}%)` : ''}`,
  ],
  [
    'MMLU',
    "published (Meta's model cards, 5-shot): reference, not measured here",
    (s) => (s.mmlu === null ? '—' : `${s.mmlu.toFixed(1)}%`),
  ],
];

export function ComparisonTable() {
  // Not the whole pane: the streaming draft changes every frame and is not part of the table.
  const [aModel, aInfo, aProgress, aMessages, ma, bModel, bInfo, bProgress, bMessages, mb, bandwidth] =
    useStore(
      useShallow((s) => {
        const { a, b } = s.panes;
        return [
          a.model,
          a.info,
          a.progress,
          a.messages,
          s.memory.a,
          b.model,
          b.info,
          b.progress,
          b.messages,
          s.memory.b,
          s.bandwidth,
        ] as const;
      }),
    );
  const a = useMemo(
    () => summarize({ model: aModel, info: aInfo, progress: aProgress, messages: aMessages }, ma, bandwidth),
    [aModel, aInfo, aProgress, aMessages, ma, bandwidth],
  );
  const b = useMemo(
    () => summarize({ model: bModel, info: bInfo, progress: bProgress, messages: bMessages }, mb, bandwidth),
    [bModel, bInfo, bProgress, bMessages, mb, bandwidth],
  );
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
