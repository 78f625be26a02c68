import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { AppState } from '../../store/store';
import { modelLabel } from '../../security/model-label';
import { ChartFigure, type TableSpec } from './chart-figure';
import { AXIS_COLOR, CHART_FRAME, fixed, GRID_COLOR, TEXT_STYLE, xTitle, yTitle } from './chart-style';
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

function TurnBars(props: {
  rows: HistoryRow[];
  title: string;
  unit: string;
  digits: number;
  look: PaneLook;
}) {
  const { look } = props;
  return (
    <BarChart data={props.rows} {...CHART_FRAME}>
      <CartesianGrid stroke={GRID_COLOR} vertical={false} />
      <XAxis dataKey="turn" stroke={AXIS_COLOR} tick={TEXT_STYLE} label={xTitle('turn (per pane)')} />
      <YAxis stroke={AXIS_COLOR} tick={TEXT_STYLE} width={56} label={yTitle(props.title)} />
      <Tooltip
        isAnimationActive={false}
        formatter={(v) => `${fixed(Number(v), props.digits)} ${props.unit}`}
      />
      {look.order.map((p) => (
        <Bar key={p} dataKey={p} name={look.name[p]} fill={look.color[p]} isAnimationActive={false} />
      ))}
    </BarChart>
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
        <TurnBars
          look={look}
          rows={ttft}
          title="time to first token (ms, worker timestamps)"
          unit="ms"
          digits={0}
        />
        <TurnBars
          look={look}
          rows={decode}
          title="decode tok/s (whole turn, worker timestamps)"
          unit="tok/s"
          digits={1}
        />
      </div>
    </ChartFigure>
  );
}
