/**
 * Sending one prompt to both panes, together or in turn. Every pane gets the prompt in its transcript: run
 * at once where the model is ready, queued where it is on its way, marked as missed elsewhere — so the two
 * conversations never differ without it showing.
 */
import { displayOrder } from '../store/blind-view';
import { paneIsComing, selectSendBlock, useStore } from '../store/store';
import { lastDeliveredPrompt } from '../store/transcript';
import { effectiveSettings, PANES, type Message, type PaneId } from '../store/types';
import { dropVotesFor } from './blind';
import { existingClient } from './engines';
import { roughTokens, trimHistory } from './history';
import { missReason } from './queue';
import { newId, runPane, type RunRequest } from './run-pane';
import { persistNow } from './session';

async function runTargets(targets: RunRequest[]): Promise<void> {
  persistNow();
  const mode = useStore.getState().settings.mode;
  if (mode === 'together') await Promise.all(targets.map((t) => runPane(t, 'together')));
  else for (const t of targets) await runPane(t, 'in-turn');
}

export type SendResult = { sent: true } | { sent: false; reason: string };

/**
 * Sends `prompt` to both panes. When it cannot be sent at all (a pane is still answering, no model is
 * loaded or on its way), nothing changes and the reason comes back for the prompt area to show.
 */
export function send(prompt: string): SendResult {
  const text = prompt.trim();
  if (!text) return { sent: false, reason: 'There is nothing to send: type a prompt first.' };
  const st = useStore.getState();
  const block = selectSendBlock(st);
  if (block) return { sent: false, reason: block };
  const now: RunRequest[] = [];
  // One id for the prompt in both panes (a blind vote is attached to it).
  const promptId = newId();
  // In the order the page shows the panes: in turn, the left one (Model 1 while blind) answers first.
  for (const pane of displayOrder(st)) {
    const id = newId();
    let delivery: Message['delivery'];
    if (st.panes[pane].status === 'ready') now.push({ pane, userId: id });
    else if (paneIsComing(st, pane)) delivery = { state: 'queued' };
    else delivery = { state: 'missed', reason: missReason(pane) };
    st.patchPane(pane, (p) => ({
      ...(delivery ? {} : { error: null, notice: null }),
      messages: [
        ...p.messages,
        { id, role: 'user', content: text, promptId, ...(delivery ? { delivery } : {}) },
      ],
    }));
  }
  void runTargets(now);
  return { sent: true };
}

/** Drops each ready pane's last reply and asks again with the same conversation. */
export async function regenerate(): Promise<void> {
  const targets: RunRequest[] = [];
  for (const pane of displayOrder(useStore.getState())) {
    const p = useStore.getState().panes[pane];
    const prompt = p.messages.findLast((m) => m.role === 'user' && m.delivery?.state !== 'queued');
    if (p.status !== 'ready' || !prompt) continue;
    const at = p.messages.indexOf(prompt);
    if (prompt.promptId) dropVotesFor([prompt.promptId]);
    useStore.getState().patchPane(pane, {
      error: null,
      messages: [...p.messages.slice(0, at), { ...prompt, delivery: undefined }],
    });
    targets.push({ pane, userId: prompt.id });
  }
  await runTargets(targets);
}

/** Takes the last prompt (and the replies to it) out of both panes and puts it back in the prompt box. */
export function editLastPrompt(): void {
  let text: string | null = null;
  for (const id of PANES) {
    const msgs = useStore.getState().panes[id].messages;
    const i = msgs.map((m) => m.role).lastIndexOf('user');
    if (i < 0) continue;
    text ??= msgs[i]?.content ?? null;
    const promptId = msgs[i]?.promptId;
    if (promptId) dropVotesFor([promptId]);
    useStore.getState().patchPane(id, { messages: msgs.slice(0, i) });
  }
  if (text !== null) useStore.getState().setComposer(text);
  persistNow();
}

export function stop(pane: PaneId): void {
  const c = existingClient(pane);
  const p = useStore.getState().panes[pane];
  if (!c || p.status !== 'generating') return;
  useStore.getState().patchPane(pane, { stopping: true });
  void c.interrupt().catch(() => undefined);
}

export function stopAll(): void {
  PANES.forEach(stop);
}

export function clearChat(pane?: PaneId): void {
  for (const id of pane ? [pane] : PANES) {
    useStore.getState().patchPane(id, { messages: [], error: null });
    void existingClient(id)
      ?.reset()
      .catch(() => undefined);
  }
  persistNow();
}

/** Context window full: drop the oldest turns (the system prompt stays) and ask again in that pane. */
export async function trimAndRetry(pane: PaneId): Promise<void> {
  const st = useStore.getState();
  const p = st.panes[pane];
  const s = effectiveSettings(st.settings, pane);
  const window = p.info?.contextWindow ?? 2048;
  const history = p.messages.at(-1)?.role === 'assistant' ? p.messages.slice(0, -1) : p.messages;
  const budget = Math.max(0, window - s.max_tokens - roughTokens(s.systemPrompt));
  let trimmed = trimHistory(history, budget);
  // Nothing could be dropped by the estimate: keep only the last prompt.
  if (trimmed.length === history.length) trimmed = trimHistory(history, 0);
  const prompt = lastDeliveredPrompt(trimmed);
  st.patchPane(pane, { messages: trimmed, error: null });
  if (prompt) await runTargets([{ pane, userId: prompt.id }]);
}
