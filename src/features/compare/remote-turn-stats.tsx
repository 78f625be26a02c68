/**
 * The measurements of one reply from a remote server. Its timestamps are taken in the pane's worker as the
 * bytes arrive, so they hold the network and the server's queue as well as the model's work; the token
 * counts are the server's own (its `usage`), checked against the chunks that streamed; the cost is those
 * counts at the pane's price. There is no split of the time to first token: nothing here sees inside the server.
 */
import { formatUsd, turnCost } from '../../metrics/cost';
import { turnFigures } from '../../metrics/figures';
import { useStore } from '../../store/store';
import { useReveals } from '../../store/use-blind';
import type { Message, PaneId, TurnRecord } from '../../store/types';
import { formatMs, formatRate } from '../../ui/format';

function Tokens({ turn, status }: { turn: TurnRecord; status?: Message['status'] }) {
  const f = turnFigures({ ...turn, ...(status ? { status } : {}) });
  const { promptTokens, completionTokens } = turn.engineStats;
  if (completionTokens === null)
    return <span>{f.tokens} chunks streamed · the server sent no usage (token counts unknown)</span>;
  const c = f.checks.tokens;
  return (
    <span title="The server's usage figures; every streamed chunk carried at least one token.">
      {promptTokens ?? '?'} prompt + {completionTokens} reply tokens (server’s usage) in {f.tokens} chunks
      {c?.disagrees ? ' ⚠ the chunks do not match its count: the decode rate counts chunks' : ''}
    </span>
  );
}

export interface TurnStatsProps {
  turn: TurnRecord;
  pane: PaneId;
  status?: Message['status'];
}

export function RemoteTurnStats({ turn, pane, status }: TurnStatsProps) {
  const price = useStore((s) => s.settings.prices[pane]);
  // While blind: no server name and no price (either would tell the models apart).
  const identity = useReveals('identity');
  const f = turnFigures({ ...turn, ...(status ? { status } : {}) });
  const cost = turnCost(turn.engineStats, price);
  return (
    <p className="turn-stats" aria-label="Reply measurements">
      <span title="Request sent → first text arrived, timestamped in this pane's worker: the network both ways, the server's queue and its prompt processing.">
        time to first token {formatMs(f.ttftMs)} (network + server queue + prompt processing)
      </span>
      {' · '}
      <span title="Chunks after the first ÷ time from the first chunk to the last, as their bytes arrived here.">
        decode {formatRate(f.decodeTokensPerS)}
      </span>{' '}
      <span className="method">(measured in this browser, includes network)</span>
      {' · '}
      <Tokens turn={turn} {...(status ? { status } : {})} />
      {identity && ' · '}
      {identity && (
        <span>
          cost{' '}
          {cost !== null
            ? `${formatUsd(cost)} (at $${String(price.inputPerM)} in / $${String(price.outputPerM)} out per 1M tokens)`
            : price.inputPerM === null || price.outputPerM === null
              ? 'unknown: set this pane’s price'
              : 'unknown: no usage from the server'}
        </span>
      )}
      {' · '}
      in {formatMs(f.e2eMs)} on {identity ? (turn.remote?.host ?? 'the server') : 'the server'} ·{' '}
      {turn.delayed ? 'sent when the model was ready' : turn.mode === 'in-turn' ? 'in turn' : 'together'}
      {turn.remote?.seedDropped ? ' · the server refused the seed: sent without it' : ''}
    </p>
  );
}
