/**
 * Prompts that wait for a pane's model. A prompt sent while a pane loads (or downloads, or waits for a
 * shared link's yes) is queued in that pane and runs as soon as its model is ready, marked as delayed; a
 * pane that cannot take a prompt at all gets it marked as missed, with a way to send it there too.
 */
import { paneIsComing, useStore } from '../store/store';
import { queuedIds } from '../store/transcript';
import type { Message, PaneId } from '../store/types';
import { newId, runPane } from './run-pane';
import { persistNow } from './session';

const draining: Record<PaneId, boolean> = { a: false, b: false };

const setDelivery = (pane: PaneId, id: string, delivery: Message['delivery']): void =>
  useStore.getState().patchPane(pane, (p) => ({
    messages: p.messages.map((m) => (m.id === id ? { ...m, delivery } : m)),
  }));

/** Runs the pane's waiting prompts, oldest first, once its model is ready. */
export async function drainQueue(pane: PaneId): Promise<void> {
  if (draining[pane]) return;
  draining[pane] = true;
  try {
    for (;;) {
      const p = useStore.getState().panes[pane];
      const id = queuedIds(p.messages)[0];
      if (p.status !== 'ready' || id === undefined) break;
      setDelivery(pane, id, undefined);
      const ran = await runPane({ pane, userId: id, delayed: true }, useStore.getState().settings.mode);
      if (!ran) {
        setDelivery(pane, id, { state: 'queued' });
        break;
      }
    }
  } finally {
    draining[pane] = false;
  }
}

/** The pane's model will not come (the load failed or was refused): its waiting prompts missed it. */
export function missQueued(pane: PaneId, reason: string): void {
  const p = useStore.getState().panes[pane];
  if (!queuedIds(p.messages).length) return;
  useStore.getState().patchPane(pane, {
    messages: p.messages.map((m) =>
      m.delivery?.state === 'queued' ? { ...m, delivery: { state: 'missed' as const, reason } } : m,
    ),
  });
  persistNow();
}

/** Why a pane that is neither ready nor about to be cannot take a prompt now. */
export function missReason(pane: PaneId): string {
  const st = useStore.getState();
  const p = st.panes[pane];
  if (p.status === 'error') return 'this pane’s model had failed';
  return p.model || st.picks[pane] ? 'no model was loaded in this pane' : 'no model was chosen for this pane';
}

/** A reply to `userId` that never started (failed or stopped before its first token), if it is right after it. */
function emptyReplyAfter(messages: readonly Message[], userId: string): Message | undefined {
  const next = messages[messages.findIndex((m) => m.id === userId) + 1];
  return next?.role === 'assistant' && !next.content && (next.status === 'error' || next.status === 'abort')
    ? next
    : undefined;
}

/**
 * "Send it here too": a prompt that missed this pane (or got no reply here) is sent to it now, as its newest
 * turn, so the pane's conversation stays in order. While the pane's model is coming it waits for it instead.
 */
export async function sendHere(pane: PaneId, userId: string): Promise<void> {
  const st = useStore.getState();
  const p = st.panes[pane];
  const prompt = p.messages.find((m) => m.id === userId);
  if (!prompt || prompt.role !== 'user') return;
  const ready = p.status === 'ready';
  if (!ready && !paneIsComing(st, pane)) return;
  const empty = emptyReplyAfter(p.messages, userId);
  const rest = p.messages.filter((m) => m !== empty);
  const isLast = rest.at(-1)?.id === userId;
  const moved: Message = { ...prompt, id: isLast ? prompt.id : newId(), delivery: undefined };
  const messages = isLast
    ? rest.map((m) => (m.id === userId ? moved : m))
    : [...rest.filter((m) => m.id !== userId), moved];
  st.patchPane(pane, { error: null, messages });
  if (!ready) {
    setDelivery(pane, moved.id, { state: 'queued' });
    persistNow();
    return;
  }
  await runPane({ pane, userId: moved.id, delayed: true }, st.settings.mode);
}

/** "Don't send": a waiting prompt is taken back from this pane (it stays visible, marked). */
export function unqueue(pane: PaneId, userId: string): void {
  setDelivery(pane, userId, { state: 'missed', reason: 'you took it back before the model was ready' });
  persistNow();
}
