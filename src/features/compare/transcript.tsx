import { memo } from 'react';
import type { Draft, Message } from '../../store/types';
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

export function Transcript({
  pane,
  messages,
  draft,
}: {
  pane: string;
  messages: Message[];
  draft: Draft | null;
}) {
  return (
    <div className="transcript" role="log" aria-label={`Pane ${pane} conversation`}>
      {messages.map((m) => (
        <Bubble key={m.id} m={m} pane={pane} />
      ))}
      {draft && (
        <article
          className="msg assistant streaming"
          aria-label={`Pane ${pane} reply (streaming)`}
          aria-busy="true"
        >
          <p className="live">{draft.text}</p>
        </article>
      )}
    </div>
  );
}
