import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { AppState } from '../../store/store';
import { PANES } from '../../store/types';
import { modelLabel } from '../../security/model-label';
import { ChartFigure, type TableSpec } from './chart-figure';
import {
  AXIS_COLOR,
  CHART_FRAME,
  fixed,
  GRID_COLOR,
  PANE_COLOR,
  paneName,
  TEXT_STYLE,
  xTitle,
  yTitle,
} from './chart-style';
import { historyRows, turnPoints, type HistoryRow, type TurnPoint } from './series';
import { useSampled } from './use-sampled';

const readMessages = (s: AppState) => [s.panes.a.messages, s.panes.b.messages] as const;

function historyTable(points: TurnPoint[]): TableSpec {
  return {
    caption: 'Per-turn history',
    columns: ['Turn', 'Pane', 'Model', 'Time to first token (ms)', 'Decode (tok/s)', 'Tokens'],
    rows: points.map((p) => [
      p.turn,
      paneName(p.pane),
      p.modelId ? modelLabel(p.modelId) : '—',
      fixed(p.ttftMs, 0),
      fixed(p.decodeTokensPerS),
      p.tokens,
    ]),
  };
}

function TurnBars(props: { rows: HistoryRow[]; title: string; unit: string; digits: number }) {
  return (
    <BarChart data={props.rows} {...CHART_FRAME}>
      <CartesianGrid stroke={GRID_COLOR} vertical={false} />
      <XAxis dataKey="turn" stroke={AXIS_COLOR} tick={TEXT_STYLE} label={xTitle('turn (per pane)')} />
      <YAxis stroke={AXIS_COLOR} tick={TEXT_STYLE} width={56} label={yTitle(props.title)} />
      <Tooltip
        isAnimationActive={false}
        formatter={(v) => `${fixed(Number(v), props.digits)} ${props.unit}`}
      />
      {PANES.map((p) => (
        <Bar key={p} dataKey={p} name={paneName(p)} fill={PANE_COLOR[p]} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}

/** Time to first token and decode rate of every finished turn, per pane (and so per model). */
export function HistoryChart() {
  const [ma, mb] = useSampled(readMessages);
  const points = useMemo(
    () => [...turnPoints('a', { messages: ma }), ...turnPoints('b', { messages: mb })],
    [ma, mb],
  );
  const ttft = useMemo(() => historyRows(points, (p) => p.ttftMs), [points]);
  const decode = useMemo(() => historyRows(points, (p) => p.decodeTokensPerS), [points]);
  return (
    <ChartFigure
      id="history"
      caption="Per-turn history"
      method="Time to first token = first token − request start; decode rate = (tokens − 1) ÷ (last − first token); both from the worker's timestamps."
      legend={PANES.map((p) => ({ label: paneName(p), color: PANE_COLOR[p] }))}
      table={historyTable(points)}
      empty={points.length === 0 ? 'No finished turns yet.' : null}
    >
      <div className="telemetry-pair">
        <TurnBars rows={ttft} title="time to first token (ms, worker timestamps)" unit="ms" digits={0} />
        <TurnBars
          rows={decode}
          title="decode tok/s (whole turn, worker timestamps)"
          unit="tok/s"
          digits={1}
        />
      </div>
    </ChartFigure>
  );
}
