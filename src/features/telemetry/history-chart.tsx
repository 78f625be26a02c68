import { useMemo } from 'react';
import type { AppState } from '../../store/store';
import { modelLabel } from '../../security/model-label';
import { ChartFigure, type TableSpec } from './chart-figure';
import { CanvasChart } from './canvas-chart';
import { columns, fixed } from './chart-style';
import { historyRows, turnPoints, type HistoryRow, type TurnPoint } from './series';
import { usePaneLook, type PaneLook } from './use-pane-look';
import { useSampled } from './use-sampled';

const readMessages = (s: AppState) => [s.panes.a.messages, s.panes.b.messages] as const;

function historyTable(points: TurnPoint[], look: PaneLook): TableSpec {
  return {
    caption: 'Per-turn history',
    columns: [
      'Turn',
      'Pane',
      ...(look.models ? ['Model'] : []),
      'Time to first token (ms)',
      'Decode (tok/s)',
      'Tokens',
    ],
    rows: points.map((p) => [
      p.turn,
      look.name[p.pane],
      ...(look.models ? [p.modelId ? modelLabel(p.modelId) : '—'] : []),
      fixed(p.ttftMs, 0),
      fixed(p.decodeTokensPerS),
      p.tokens,
    ]),
  };
}

function TurnBars(props: { rows: HistoryRow[]; title: string; unit: string; look: PaneLook }) {
  const { rows, look } = props;
  const { x, ys } = useMemo(() => columns(rows, 'turn', look.order), [rows, look.order]);
  return (
    <CanvasChart
      bars
      x={x}
      ys={ys}
      lines={look.order.map((p) => ({ label: look.name[p], color: look.color[p], width: 0 }))}
      xMax={rows.at(-1)?.turn ?? 1}
      xTitle="turn (per pane)"
      yTitle={props.title}
      unit={props.unit}
    />
  );
}

/** Time to first token and decode rate of every finished turn, per pane (and so per model). */
export function HistoryChart() {
  const [ma, mb] = useSampled(readMessages);
  const look = usePaneLook();
  const points = useMemo(() => {
    const messages = { a: ma, b: mb };
    return look.order.flatMap((p) => turnPoints(p, { messages: messages[p] }));
  }, [ma, mb, look.order]);
  const ttft = useMemo(() => historyRows(points, (p) => p.ttftMs), [points]);
  const decode = useMemo(() => historyRows(points, (p) => p.decodeTokensPerS), [points]);
  return (
    <ChartFigure
      id="history"
      caption="Per-turn history"
      method="Time to first token = first token − request start; decode rate = (tokens − 1) ÷ (last − first token); both from the worker's timestamps."
      legend={look.order.map((p) => ({ label: look.name[p], color: look.color[p] }))}
      table={historyTable(points, look)}
      empty={points.length === 0 ? 'No finished turns yet.' : null}
    >
      <div className="telemetry-pair">
        <TurnBars look={look} rows={ttft} title="time to first token (ms, worker timestamps)" unit="ms" />
        <TurnBars
          look={look}
          rows={decode}
          title="decode tok/s (whole turn, worker timestamps)"
          unit="tok/s"
        />
      </div>
    </ChartFigure>
  );
}
