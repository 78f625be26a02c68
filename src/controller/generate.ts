/**
 * Sending one prompt to both panes, together or in turn. Token deltas are coalesced once per frame
 * into the pane's draft; the finished reply is committed in one update with its measurements.
 */
import type { ChatMessage, Sampling, TokenEvent } from '../engine/types';
import { useStore } from '../store/store';
import { PANES, type Message, type PaneId, type RunMode } from '../store/types';
import { existingClient } from './engines';
import { frameBatcher } from './frame-batcher';
import { persistDraftThrottled, persistNow } from './session';

let nextId = Date.now();
const newId = (): string => (++nextId).toString(36);

export function chatMessages(system: string, history: Message[]): ChatMessage[] {
  const out: ChatMessage[] = system.trim() ? [{ role: 'system', content: system }] : [];
  for (const m of history)
    if (m.status !== 'error' || m.content) out.push({ role: m.role, content: m.content });
  return out;
}

function sampling(): Sampling {
  const s = useStore.getState().settings;
  return {
    temperature: s.temperature,
    top_p: s.top_p,
    max_tokens: s.max_tokens,
    ...(s.seed !== null ? { seed: s.seed } : {}),
  };
}

async function runPane(pane: PaneId, mode: RunMode): Promise<void> {
  const store = useStore.getState();
  const client = existingClient(pane);
  const state = store.panes[pane];
  if (!client || state.status !== 'ready' || !state.model) return;
  const draftId = newId();
  const startedAt = Date.now();
  store.patchPane(pane, {
    status: 'generating',
    stopping: false,
    draft: { id: draftId, text: '', tokenTimes: [], startedAt, mode },
  });
  const batch = frameBatcher<TokenEvent>((toks) => {
    useStore
      .getState()
      .patchPane(pane, (p) =>
        p.draft
          ? {
              draft: {
                ...p.draft,
                text: p.draft.text + toks.map((t) => t.text).join(''),
                tokenTimes: [...p.draft.tokenTimes, ...toks.map((t) => t.t)],
              },
            }
          : {},
      );
    persistDraftThrottled();
  });
  const messages = chatMessages(useStore.getState().settings.systemPrompt, state.messages);
  try {
    const out = await client.generate(messages, sampling(), (t) => batch.push(t));
    batch.flush();
    useStore.getState().patchPane(pane, (p) => {
      const d = p.draft;
      if (!d) return { status: 'ready', stopping: false };
      const msg: Message = {
        id: d.id,
        role: 'assistant',
        content: d.text,
        status: out.finishReason,
        turn: {
          mode,
          modelId: p.model?.id ?? '',
          engine: p.info?.runtimeVersion ?? '',
          startedAt: out.startedAt,
          endedAt: out.endedAt,
          tokenTimes: d.tokenTimes,
          engineStats: out.stats,
        },
      };
      return { status: 'ready', stopping: false, draft: null, messages: [...p.messages, msg] };
    });
  } catch (e) {
    batch.flush();
    const err = e as { name?: string; message?: string };
    useStore.getState().patchPane(pane, (p) => ({
      status: p.status === 'error' ? 'error' : 'ready',
      stopping: false,
      error: { name: err.name ?? 'Error', message: err.message ?? String(e) },
      draft: null,
      messages: p.draft
        ? [...p.messages, { id: p.draft.id, role: 'assistant', content: p.draft.text, status: 'error' }]
        : p.messages,
    }));
  }
  persistNow();
}

export async function send(prompt: string): Promise<void> {
  const text = prompt.trim();
  if (!text) return;
  const { panes, settings, patchPane } = useStore.getState();
  const targets = PANES.filter((id) => panes[id].status === 'ready');
  for (const id of targets) {
    patchPane(id, (p) => ({
      error: null,
      messages: [...p.messages, { id: newId(), role: 'user', content: text }],
    }));
  }
  persistNow();
  if (settings.mode === 'together') await Promise.all(targets.map((id) => runPane(id, 'together')));
  else for (const id of targets) await runPane(id, 'in-turn');
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
