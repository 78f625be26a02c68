import { Fragment, memo, useLayoutEffect, useRef } from 'react';
import { paneIsComing, useStore } from '../../store/store';
import { usePaneName, useReveals } from '../../store/use-blind';
import type { Message, PaneId } from '../../store/types';
import { Delivery, NoReply } from './delivery';
import { LazyMarkdown as Markdown } from '../../ui/lazy-markdown';
import { PresetCheck } from './preset-check';
import { TurnStats } from './turn-stats';

const STATUS: Record<string, string> = {
  abort: 'stopped',
  length: 'cut at the max-tokens limit',
  context: 'cut: the context window is full',
  interrupted: 'interrupted (page closed or reloaded)',
  error: 'failed',
  cut: 'cut off: the server’s stream stopped mid-reply',
};

interface BubbleProps {
  m: Message;
  pane: PaneId;
  /** The prompt this message answers (assistant messages), for "send it here too". */
  answers: string | undefined;
  /** Why the pane cannot take a prompt now or soon; null when it can (ready, or its model is on its way). */
  takeBlock: string | null;
  /** The preset of the prompt a reply answers, if it is one (its automatic check shows beside the turn). */
  presetId?: string | undefined;
}

const Bubble = memo(function Bubble({ m, pane, answers, takeBlock, presetId }: BubbleProps) {
  const note = m.status ? STATUS[m.status] : undefined;
  const name = usePaneName(pane);
  const speed = useReveals('speed');
  return (
    <>
      <article className={`msg ${m.role}`} aria-label={m.role === 'user' ? 'You' : `${name} reply`}>
        {m.role === 'assistant' ? <Markdown text={m.content} /> : <p className="user-text">{m.content}</p>}
        {note && <p className="msg-status">({note})</p>}
        {m.delivery && <Delivery pane={pane} id={m.id} delivery={m.delivery} takeBlock={takeBlock} />}
        {m.role === 'assistant' &&
          !m.content &&
          answers &&
          (m.status === 'error' || m.status === 'abort') && (
            <NoReply pane={pane} answers={answers} stopped={m.status === 'abort'} takeBlock={takeBlock} />
          )}
      </article>
      {m.turn && speed && <TurnStats turn={m.turn} pane={pane} {...(m.status ? { status: m.status } : {})} />}
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
  const name = usePaneName(pane);
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
    <article className="msg assistant streaming" aria-label={`${name} reply (streaming)`} aria-busy="true">
      <p className="live" ref={ref} />
    </article>
  );
}

/** For each reply, the id of the prompt before it (undefined for prompts). */
function promptsAnswered(messages: readonly Message[]): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  let last: string | undefined;
  for (const m of messages) {
    out.push(m.role === 'assistant' ? last : undefined);
    if (m.role === 'user') last = m.id;
  }
  return out;
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
  const name = usePaneName(pane);
  const takeBlock = useStore((s) => {
    const status = s.panes[pane].status;
    if (status === 'ready' || paneIsComing(s, pane)) return null;
    return status === 'generating'
      ? 'Wait for this pane’s reply to finish.'
      : 'Load a model in this pane first.';
  });
  // The streaming reply shows right after its prompt, before any prompt still waiting behind it.
  const replyTo = useStore((s) => s.panes[pane].draft?.replyTo);
  const draftAt = messages.findIndex((m) => m.id === replyTo);
  const answers = promptsAnswered(messages);
  return (
    <div className="transcript" role="log" aria-label={`${name} conversation`}>
      {messages.map((m, i) => (
        <Fragment key={m.id}>
          <Bubble
            m={m}
            pane={pane}
            answers={answers[i]}
            takeBlock={takeBlock}
            presetId={presetOfReply(messages, i)}
          />
          {i === draftAt && <DraftBubble pane={pane} />}
        </Fragment>
      ))}
      {draftAt < 0 && <DraftBubble pane={pane} />}
    </div>
  );
});
