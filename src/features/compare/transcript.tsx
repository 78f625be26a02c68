import { memo, useLayoutEffect, useRef } from 'react';
import { useStore } from '../../store/store';
import type { Message, PaneId } from '../../store/types';
import { LazyMarkdown as Markdown } from '../../ui/lazy-markdown';
import { PresetCheck } from './preset-check';
import { TurnStats } from './turn-stats';

const STATUS: Record<string, string> = {
  abort: 'stopped',
  length: 'cut at the max-tokens limit',
  context: 'cut: the context window is full',
  interrupted: 'interrupted (page closed or reloaded)',
  error: 'failed',
};

const Bubble = memo(function Bubble({ m, pane, presetId }: { m: Message; pane: string; presetId?: string }) {
  const note = m.status ? STATUS[m.status] : undefined;
  return (
    <>
      <article className={`msg ${m.role}`} aria-label={m.role === 'user' ? 'You' : `Pane ${pane} reply`}>
        {m.role === 'assistant' ? <Markdown text={m.content} /> : <p className="user-text">{m.content}</p>}
        {note && <p className="msg-status">({note})</p>}
      </article>
      {m.turn && <TurnStats turn={m.turn} />}
      {presetId && m.role === 'assistant' && <PresetCheck presetId={presetId} reply={m} />}
    </>
  );
});

/**
 * The reply being streamed: the only part of a pane that changes per frame. React renders the bubble once;
 * each frame's new text is appended to a single DOM text node (never parsed as HTML), so the cost of a
 * frame is the new text, not the whole reply.
 */
function DraftBubble({ pane }: { pane: PaneId }) {
  const draftId = useStore((s) => s.panes[pane].draft?.id ?? null);
  const ref = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!draftId || !el) return;
    const node = document.createTextNode(useStore.getState().panes[pane].draft?.text ?? '');
    el.replaceChildren(node);
    return useStore.subscribe((s) => {
      const text = s.panes[pane].draft?.text;
      if (text === undefined || text === node.data) return;
      if (text.startsWith(node.data)) node.appendData(text.slice(node.data.length));
      else node.data = text;
    });
  }, [draftId, pane]);
  if (!draftId) return null;
  return (
    <article
      className="msg assistant streaming"
      aria-label={`Pane ${pane.toUpperCase()} reply (streaming)`}
      aria-busy="true"
    >
      <p className="live" ref={ref} />
    </article>
  );
}

/** The preset of the prompt a reply answers (the nearest user message before it), if it is one. */
function presetOfReply(messages: Message[], i: number): string | undefined {
  if (messages[i]?.role !== 'assistant') return undefined;
  for (let k = i - 1; k >= 0; k--) if (messages[k]?.role === 'user') return messages[k]?.presetId;
  return undefined;
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
      {messages.map((m, i) => (
        <Bubble key={m.id} m={m} pane={name} presetId={presetOfReply(messages, i)} />
      ))}
      <DraftBubble pane={pane} />
    </div>
  );
});
