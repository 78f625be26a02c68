/**
 * Sending one prompt to both panes, together or in turn. Token deltas are coalesced once per frame
 * into the pane's draft; the finished reply is committed in one update with its measurements.
 */
import type { ChatMessage, Sampling, TokenEvent } from '../engine/types';
import { useStore } from '../store/store';
import { effectiveSettings, PANES, type Message, type PaneId, type RunMode } from '../store/types';
import { existingClient } from './engines';
import { frameBatcher } from './frame-batcher';
import { roughTokens, trimHistory } from './history';
import { persistDraftThrottled, persistNow } from './session';

let nextId = Date.now();
const newId = (): string => (++nextId).toString(36);

export function chatMessages(system: string, history: Message[]): ChatMessage[] {
  const out: ChatMessage[] = system.trim() ? [{ role: 'system', content: system }] : [];
  for (const m of history)
    if (m.status !== 'error' || m.content) out.push({ role: m.role, content: m.content });
  return out;
}

function samplingFor(pane: PaneId): { sampling: Sampling; system: string } {
  const s = effectiveSettings(useStore.getState().settings, pane);
  const sampling: Sampling = { temperature: s.temperature, top_p: s.top_p, max_tokens: s.max_tokens };
  if (s.seed !== null) sampling.seed = s.seed;
  return { sampling, system: s.systemPrompt };
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
    useStore.getState().patchPane(pane, (p) =>
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
  const { sampling, system } = samplingFor(pane);
  const messages = chatMessages(system, state.messages);
  try {
    const out = await client.generate(
      messages,
      sampling,
      (t) => batch.push(t),
      // The live chart's time axis: the worker's request start, the clock the tokens carry.
      (startedAt) =>
        useStore.getState().patchPane(pane, (p) => (p.draft ? { draft: { ...p.draft, startedAt } } : {})),
    );
    batch.flush();
    useStore.getState().patchPane(pane, (p) => {
      const d = p.draft;
      if (!d) return { status: 'ready', stopping: false };
      const msg: Message = {
        id: d.id,
        role: 'assistant',
        content: d.text,
        // 'length' before max_tokens sampled tokens (the engine's count, which our streamed count can
        // fall short of) means the context window filled up.
        status:
          out.finishReason === 'length' &&
          (out.stats.completionTokens ?? d.tokenTimes.length) < sampling.max_tokens
            ? 'context'
            : out.finishReason,
        turn: {
          mode,
          modelId: p.model?.id ?? '',
          engine: p.info?.runtimeVersion ?? '',
          startedAt: out.startedAt,
          endedAt: out.endedAt,
          tokenTimes: d.tokenTimes,
          engineStats: out.stats,
          ...(out.marks ? { marks: out.marks } : {}),
        },
      };
      return { status: 'ready', stopping: false, draft: null, messages: [...p.messages, msg] };
    });
  } catch (e) {
    batch.flush();
    const err = e as { name?: string; message?: string };
    useStore.getState().patchPane(pane, (p) => ({
      status: p.status === 'generating' ? 'ready' : p.status,
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

async function runTargets(targets: PaneId[]): Promise<void> {
  persistNow();
  const mode = useStore.getState().settings.mode;
  if (mode === 'together') await Promise.all(targets.map((id) => runPane(id, 'together')));
  else for (const id of targets) await runPane(id, 'in-turn');
}

const readyPanes = (): PaneId[] => PANES.filter((id) => useStore.getState().panes[id].status === 'ready');

export async function send(prompt: string): Promise<void> {
  const text = prompt.trim();
  if (!text) return;
  const targets = readyPanes();
  for (const id of targets) {
    useStore.getState().patchPane(id, (p) => ({
      error: null,
      notice: null,
      messages: [...p.messages, { id: newId(), role: 'user', content: text }],
    }));
  }
  await runTargets(targets);
}

/** Drops each pane's last reply and asks again with the same conversation. */
export async function regenerate(): Promise<void> {
  const targets = readyPanes().filter((id) =>
    useStore.getState().panes[id].messages.some((m) => m.role === 'user'),
  );
  for (const id of targets) {
    useStore.getState().patchPane(id, (p) => ({
      error: null,
      messages: p.messages.at(-1)?.role === 'assistant' ? p.messages.slice(0, -1) : p.messages,
    }));
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
  st.patchPane(pane, { messages: trimmed, error: null });
  await runTargets([pane]);
}
