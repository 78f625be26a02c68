/**
 * One pane in presentation mode: its name (and model, unless blind), two big figures — decode rate (live
 * while the reply streams) and time to first token — and the reply to the step shown. The figures are the
 * pane's own (store/use-figures.ts, metrics/figures.ts), of this step's reply; blind mode decides what shows.
 */
import { useStore } from '../../store/store';
import { exchange, replyFigures } from '../../store/transcript';
import type { Message, PaneId } from '../../store/types';
import { useModelName, usePaneName, useReveals, useScrub, useSlot } from '../../store/use-blind';
import { DECODE_METHOD, TTFT_METHOD, useLiveRate } from '../../store/use-figures';
import { formatMs, formatRate } from '../../ui/format';
import { LazyMarkdown } from '../../ui/lazy-markdown';

/** The exchange shown: the step's (by its prompt id), or the pane's last one before the demo starts. */
function useShown(pane: PaneId, promptId: string | null): { prompt: Message | null; reply: Message | null } {
  const messages = useStore((s) => s.panes[pane].messages);
  if (promptId) return exchange(messages, promptId);
  const i = messages.findLastIndex((m) => m.role === 'user');
  const next = messages[i + 1];
  return { prompt: messages[i] ?? null, reply: next?.role === 'assistant' ? next : null };
}

function Figure({ label, value, method }: { label: string; value: string; method: string }) {
  return (
    <div className="present-figure">
      <dt>{label}</dt>
      <dd>{value}</dd>
      <dd className="present-method">{method}</dd>
    </div>
  );
}

function Streaming({ pane, name }: { pane: PaneId; name: string }) {
  const text = useStore((s) => s.panes[pane].draft?.text ?? '');
  return (
    <article className="present-reply" aria-label={`${name} reply (streaming)`}>
      <p className="live">{text}</p>
    </article>
  );
}

export function PresentPane({ pane, promptId }: { pane: PaneId; promptId: string | null }) {
  const name = usePaneName(pane);
  const model = useModelName(pane);
  const slot = useSlot(pane);
  const speed = useReveals('speed');
  const scrub = useScrub();
  const { prompt, reply } = useShown(pane, promptId);
  const error = useStore((s) => s.panes[pane].error);
  // This step's reply is the one streaming (its draft answers this step's prompt).
  const streaming = useStore((s) => prompt !== null && s.panes[pane].draft?.replyTo === prompt.id);
  const firstToken = useStore((s) => (streaming ? s.panes[pane].draft?.tokenTimes[0] : undefined));
  const draftStart = useStore((s) => (streaming ? s.panes[pane].draft?.startedAt : undefined));
  const live = useLiveRate(pane);
  const done = replyFigures(reply);
  const ttft =
    done?.ttftMs ?? (firstToken !== undefined && draftStart !== undefined ? firstToken - draftStart : null);
  const decode = streaming ? live : (done?.decodeTokensPerS ?? null);
  return (
    <section className={`present-pane pane-${slot === 1 ? 'a' : 'b'}`} aria-label={name}>
      <header className="present-pane-head">
        <h2>
          {model === null ? (
            name
          ) : (
            <>
              <span className="sr-only">{name}: </span>
              {model}
            </>
          )}
        </h2>
        {speed && (
          <dl className="present-figures" aria-label={`${name} figures`}>
            <Figure
              label={streaming ? 'Decode, live' : 'Decode'}
              value={formatRate(decode)}
              method={streaming ? 'tokens in the last second' : 'this reply, worker timestamps'}
            />
            <Figure label="Time to first token" value={formatMs(ttft)} method="request start → first token" />
          </dl>
        )}
        {speed && <p className="sr-only">{`${DECODE_METHOD} ${TTFT_METHOD}`}</p>}
      </header>
      {error && (
        <p className="present-error" role="alert">
          {scrub(`${error.name}: ${error.message}`)}
        </p>
      )}
      <div className="present-body">
        {streaming ? (
          <Streaming pane={pane} name={name} />
        ) : reply ? (
          <article className="present-reply" aria-label={`${name} reply`}>
            <LazyMarkdown text={reply.content} />
          </article>
        ) : (
          <p className="present-wait">
            {prompt?.delivery?.state === 'missed'
              ? scrub(`Not sent here: ${prompt.delivery.reason}`)
              : prompt
                ? 'Waiting for the reply…'
                : 'No reply yet.'}
          </p>
        )}
      </div>
    </section>
  );
}
