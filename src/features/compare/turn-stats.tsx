/**
 * The measurements of one finished reply (src/metrics/figures.ts): the time to first token split into
 * its parts, and prompt processing, decode rate and token count each beside the engine's own figure for
 * the same span; a real disagreement (beyond 5% and beyond what our clock resolves) is flagged.
 */
import { turnFigures, type Check } from '../../metrics/figures';
import { formatMs, formatRate } from '../../ui/format';
import { RemoteTurnStats, type TurnStatsProps } from './remote-turn-stats';

/** ", x% apart" within 5%; ", equal"; for a bracket (prompt) that holds more than the engine's work, "of it". */
function relation(c: Check, bracket: boolean): string {
  const pct = c.apart === null ? 'differs' : `${(c.apart * 100).toFixed(1)}% apart`;
  if (c.disagrees) return `, ⚠ ${pct}`;
  if (c.ours === c.theirs) return ', equal';
  if (!c.resolved && !c.within) return ', reply too short to cross-check';
  return c.within || !bracket ? `, ${pct}` : ' of it';
}

function Versus({
  check,
  format,
  what,
  bracket = false,
}: {
  check: Check | null;
  format: (n: number) => string;
  what: string;
  bracket?: boolean;
}) {
  if (!check) return null;
  return (
    <span
      className={check.disagrees ? 'disagree' : 'agree'}
      title={`The engine's own figure for the same span: ${what}.`}
    >
      {' '}
      (engine: {format(check.theirs)}
      {relation(check, bracket)})
    </span>
  );
}

const ms = (n: number) => formatMs(n);
const rate = (n: number) => formatRate(n);
const count = (n: number) => `${n} tokens`;

export function TurnStats({ turn, pane, status }: TurnStatsProps) {
  if (turn.remote) return <RemoteTurnStats turn={turn} pane={pane} {...(status ? { status } : {})} />;
  const f = turnFigures({ ...turn, ...(status ? { status } : {}) });
  const parts = [
    f.startupMs !== null ? `start-up ${formatMs(f.startupMs)}` : null,
    f.promptMs !== null ? `prompt ${formatMs(f.promptMs)}` : null,
    f.firstTokenMs !== null ? `first token ${formatMs(f.firstTokenMs)}` : null,
  ].filter((x): x is string => x !== null);
  return (
    <p className="turn-stats" aria-label="Reply measurements">
      <span title="Request start to the first token's text, both timestamped in the engine worker.">
        time to first token {formatMs(f.ttftMs)}
        {parts.length > 1 ? ` (${parts.join(' + ')})` : ''}
      </span>
      {f.promptMs !== null && (
        <>
          {' · '}
          <span title="Prompt handed to the runtime (template applied, tokenized) until the first token was sampled.">
            prompt {f.engine.promptTokens ?? '?'} tokens in {formatMs(f.promptMs)}
            {f.prefillTokensPerS !== null ? `, ${formatRate(f.prefillTokensPerS)}` : ''}
          </span>
          <Versus
            check={f.checks.prompt}
            format={ms}
            bracket
            what="its prompt processing time, which our span holds along with the engine's launch of the request"
          />
        </>
      )}
      {' · '}
      <span title="Tokens after the first ÷ time from the first token to the last (worker timestamps).">
        decode {formatRate(f.decodeTokensPerS)}
      </span>
      <Versus check={f.checks.decode} format={rate} what="its decode steps after the first token" />
      {' · '}
      <span>
        {f.tokens} tokens
        <Versus
          check={f.checks.tokens}
          format={count}
          what="its completion tokens, less the end-of-turn token that shows no text"
        />{' '}
        in {formatMs(f.e2eMs)} ·{' '}
        {turn.delayed
          ? 'sent when the model was ready (ran alone, not side by side)'
          : turn.mode === 'in-turn'
            ? 'in turn'
            : 'together'}
      </span>
    </p>
  );
}
