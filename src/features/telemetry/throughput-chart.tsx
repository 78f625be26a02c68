import { useMemo } from 'react';
import type { AppState } from '../../store/store';
import { modelLabel } from '../../security/model-label';
import { ChartFigure, type TableSpec } from './chart-figure';
import { columns, fixed, niceCeil } from './chart-style';
import { CanvasChart } from './canvas-chart';
import { mergeThroughput, paneThroughput, RATE_STEP_MS, RATE_WINDOW_MS, type PaneThroughput } from './series';
import { usePaneLook, type PaneLook } from './use-pane-look';
import { useSampled } from './use-sampled';

const readPanes = (s: AppState) => [s.panes.a, s.panes.b] as const;

const Y_LABEL = `decode tok/s (rolling ${RATE_WINDOW_MS / 1000} s, worker timestamps)`;
const X_LABEL = 'time since request start (s)';

function liveTable(series: PaneThroughput[], look: PaneLook): TableSpec {
  return {
    caption: 'Live throughput, latest values',
    columns: [
      'Pane',
      ...(look.models ? ['Model'] : []),
      'Source',
      'Samples',
      'Latest decode (tok/s)',
      'At (s since request start)',
    ],
    rows: look.order.map((pane) => {
      const s = series.find((x) => x.pane === pane) ?? { pane, modelId: null, source: null, samples: [] };
      const last = s.samples.at(-1);
      return [
        look.name[pane],
        ...(look.models ? [s.modelId ? modelLabel(s.modelId) : '—'] : []),
        s.source ?? 'no turn yet',
        s.samples.length,
        fixed(last?.tokensPerS),
        fixed(last === undefined ? null : last.tMs / 1000, 2),
      ];
    }),
  };
}

/** Decode tokens/s over time for both panes on one chart, redrawn at most once a second (useSampled) on a canvas (CanvasChart). */
export function ThroughputChart() {
  const [a, b] = useSampled(readPanes);
  const look = usePaneLook();
  const series = useMemo(() => [paneThroughput('a', a), paneThroughput('b', b)], [a, b]);
  const rows = useMemo(() => mergeThroughput(series), [series]);
  const live = series.some((s) => s.source === 'streaming');
  const xMax = niceCeil(rows.at(-1)?.tS ?? 1);
  const { x, ys } = useMemo(() => columns(rows, 'tS', look.order), [rows, look.order]);
  const lines = look.order.map((p) => ({
    label: look.name[p],
    color: look.color[p],
    dash: look.dash[p],
    width: 2,
  }));
  return (
    <ChartFigure
      id="throughput"
      caption={live ? 'Decode throughput (live)' : 'Decode throughput (last turn of each pane)'}
      method={`Tokens per second over a rolling ${RATE_WINDOW_MS} ms window, sampled every ${RATE_STEP_MS} ms from the worker's token timestamps; the first token (prefill) is not counted.`}
      legend={look.order.map((p) => ({ label: look.name[p], color: look.color[p], dash: look.dash[p] }))}
      table={liveTable(series, look)}
      empty={rows.length === 0 ? 'No tokens yet: send a prompt to see decode speed.' : null}
    >
      <CanvasChart x={x} ys={ys} lines={lines} xMax={xMax} xTitle={X_LABEL} yTitle={Y_LABEL} unit="tok/s" />
    </ChartFigure>
  );
}
