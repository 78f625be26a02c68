/**
 * A pane's headline figures, big enough to read at a glance: time to first token and decode rate of the
 * last reply (the decode rate live while a reply streams: tokens in the last second, worker timestamps),
 * each with its unit and, on hover and for screen readers, its method. Read on an interval while a reply
 * streams, never per token.
 */
import { useStore } from '../../store/store';
import type { PaneId } from '../../store/types';
import { usePaneName, useReveals } from '../../store/use-blind';
import { DECODE_METHOD, TTFT_METHOD, useLastTurn, useLiveRate, usePaneMemory } from '../../store/use-figures';
import { formatMs, formatRate } from '../../ui/format';

/** The pane's memory, as the engine it runs on lets us measure it. */
function MemoryFigure({ pane }: { pane: PaneId }) {
  const { label, value, method } = usePaneMemory(pane);
  return (
    <div className="figure" title={method}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

export function LiveFigures({ pane }: { pane: PaneId }) {
  const last = useLastTurn(pane);
  const live = useLiveRate(pane);
  const remote = useStore((s) => s.panes[pane].model?.engine === 'remote');
  const note = remote ? ' Measured in this browser: includes the network.' : '';
  const name = usePaneName(pane);
  // While blind: memory tells the models apart (never shown), speed only if "hide speed figures too".
  const speed = useReveals('speed');
  const identity = useReveals('identity');
  if (!speed && !identity) return null;
  return (
    <dl className="figures" aria-label={`${name} figures`}>
      {speed && (
        <>
          <div className="figure" title={TTFT_METHOD + note}>
            <dt>Time to first token</dt>
            <dd>{formatMs(last?.ttftMs)}</dd>
          </div>
          <div className="figure" title={DECODE_METHOD + note}>
            <dt>{live !== null ? 'Decode, live' : 'Decode'}</dt>
            <dd>{formatRate(live ?? last?.decodeTokensPerS)}</dd>
          </div>
        </>
      )}
      {identity && <MemoryFigure pane={pane} />}
    </dl>
  );
}
