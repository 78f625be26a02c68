/**
 * The measurements of one finished reply, from the worker's token timestamps, beside the engine's own
 * figures; a disagreement over 5% is flagged.
 */
import { disagrees, relativeDifference } from '../../metrics/stats';
import { turnMetrics } from '../../metrics/turn';
import type { TurnRecord } from '../../store/types';
import { formatMs, formatRate } from '../../ui/format';

function Versus({
  ours,
  theirs,
  format,
}: {
  ours: number | null;
  theirs: number | null;
  format: (n: number | null) => string;
}) {
  if (theirs === null) return null;
  const d = relativeDifference(ours, theirs);
  const off = disagrees(ours, theirs) === true;
  return (
    <span
      className={off ? 'disagree' : 'agree'}
      title="The engine's own figure for the same turn. Methods differ: the engine times its own work (llama.cpp's prompt time is prompt processing alone), we time from the request to each token in the worker."
    >
      {' '}
      (engine: {format(theirs)}
      {d !== null ? `, ${off ? '⚠ ' : ''}${(d * 100).toFixed(1)}% apart` : ''})
    </span>
  );
}

export function TurnStats({ turn }: { turn: TurnRecord }) {
  const m = turnMetrics({
    startedAt: turn.startedAt,
    endedAt: turn.endedAt,
    tokenTimes: turn.tokenTimes,
    promptTokens: turn.engineStats.promptTokens,
  });
  const e = turn.engineStats;
  return (
    <p className="turn-stats" aria-label="Reply measurements">
      <span>time to first token {formatMs(m.ttftMs)}</span>
      <Versus ours={m.ttftMs} theirs={e.timeToFirstTokenMs} format={formatMs} />
      {' · '}
      <span>prefill {formatRate(m.prefillTokensPerS)}</span>
      <Versus ours={m.prefillTokensPerS} theirs={e.prefillTokensPerS} format={formatRate} />
      {' · '}
      <span>decode {formatRate(m.decodeTokensPerS)}</span>
      <Versus ours={m.decodeTokensPerS} theirs={e.decodeTokensPerS} format={formatRate} />
      {' · '}
      <span>
        {m.tokens} tokens in {formatMs(m.e2eMs)} ·{' '}
        {turn.delayed
          ? 'sent when the model was ready (ran alone, not side by side)'
          : turn.mode === 'in-turn'
            ? 'in turn'
            : 'together'}
      </span>
    </p>
  );
}
