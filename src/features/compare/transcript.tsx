import { memo } from 'react';
import { useStore } from '../../store/store';
import type { Message, PaneId } from '../../store/types';
import { LazyMarkdown as Markdown } from '../../ui/lazy-markdown';
import { TurnStats } from './turn-stats';

const STATUS: Record<string, string> = {
  abort: 'stopped',
  length: 'cut at the max-tokens limit',
  context: 'cut: the context window is full',
  interrupted: 'interrupted (page closed or reloaded)',
  error: 'failed',
};

const Bubble = memo(function Bubble({ m, pane }: { m: Message; pane: string }) {
  const note = m.status ? STATUS[m.status] : undefined;
  return (
    <>
      <article className={`msg ${m.role}`} aria-label={m.role === 'user' ? 'You' : `Pane ${pane} reply`}>
        {m.role === 'assistant' ? <Markdown text={m.content} /> : <p className="user-text">{m.content}</p>}
        {note && <p className="msg-status">({note})</p>}
      </article>
      {m.turn && <TurnStats turn={m.turn} />}
    </>
  );
});

/** The reply being streamed: the only part of a pane that re-renders per frame. */
function DraftBubble({ pane }: { pane: PaneId }) {
  const text = useStore((s) => s.panes[pane].draft?.text);
  if (text === undefined) return null;
  return (
    <article
      className="msg assistant streaming"
      aria-label={`Pane ${pane.toUpperCase()} reply (streaming)`}
      aria-busy="true"
    >
      <p className="live">{text}</p>
    </article>
  );
}

export const Transcript = memo(function Transcript({
  pane,
  messages,
}: {
  pane: PaneId;
  messages: Message[];
}) {
  const name = pane.toUpperCase();
  return (
    <div className="transcript" role="log" aria-label={`Pane ${name} conversation`}>
      {messages.map((m) => (
        <Bubble key={m.id} m={m} pane={name} />
      ))}
      <DraftBubble pane={pane} />
    </div>
  );
});
