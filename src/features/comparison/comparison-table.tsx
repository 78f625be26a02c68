import { useShallow } from 'zustand/react/shallow';
import { measureBandwidth } from '../../controller/diagnostics';
import { downloadUrlFor } from '../../controller/download';
import { useDownloadStore, type DownloadState } from '../../downloads/download-store';
import { useStore } from '../../store/store';
import type { PaneId, PaneState } from '../../store/types';
import { formatBytes } from '../../ui/format';
import { useDisplayOrder, usePaneNames, useReveals } from '../../store/use-blind';
import { MmluMeasuredRow } from './mmlu-row';
import { ROWS } from './rows';
import { summarize, type PaneSummary } from './summary';
import { useMemo, useState } from 'react';

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
  const summaries = { a: usePaneSummary('a'), b: usePaneSummary('b') };
  // While blind: the panes as Model 1 and Model 2, and only the rows that do not tell the models apart.
  const order = useDisplayOrder();
  const names = usePaneNames();
  const identity = useReveals('identity');
  const speed = useReveals('speed');
  const rows = ROWS.filter(([, , , kind]) => (kind === 'speed' ? speed : identity));
  const bandwidth = useStore((s) => s.bandwidth);
  const [measuring, setMeasuring] = useState(false);
  return (
    <section className="comparison" aria-label="Comparison">
      <h2>The comparison, measured</h2>
      <table>
        <caption>
          What each model is, what it cost on this device and what it delivered. Figures are measured here
          unless the method says otherwise.
          {identity
            ? ''
            : speed
              ? ' Blind: only the speed figures show; everything else would tell the models apart.'
              : ' Blind, with speed figures hidden: nothing to show until you reveal the models.'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            {order.map((id) => (
              <th key={id} scope="col">
                {names[id]}
              </th>
            ))}
            <th scope="col">Method</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, method, cell]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {order.map((id) => (
                <td key={id}>{cell(summaries[id])}</td>
              ))}
              <td className="method">{method}</td>
            </tr>
          ))}
          {identity && <MmluMeasuredRow />}
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
