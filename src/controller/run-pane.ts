/**
 * One reply in one pane: the prompt and the pane's conversation go to its engine, token deltas are
 * coalesced once per frame into the pane's draft, and the finished reply is committed in one update, right
 * after the prompt it answers, with its measurements.
 */
import { serializeError, type ChatMessage, type Sampling, type TokenEvent } from '../engine/types';
import { useStore } from '../store/store';
import { historyFor, placeReply } from '../store/transcript';
import {
  effectiveSettings,
  type Message,
  type PaneId,
  type PaneState,
  type RunMode,
  type TurnRecord,
} from '../store/types';
import { remoteHost } from '../engine/remote/spec';
import { batcher, sharedClock } from '../lib/batcher';
import { existingClient } from './engines';
import { persistDraftThrottled, persistNow } from './session';

let nextId = Date.now();
export const newId = (): string => (++nextId).toString(36);

/** What the engine is sent: the system prompt (if any), then the turns that reached this pane. */
export function chatMessages(system: string, history: readonly Message[]): ChatMessage[] {
  const out: ChatMessage[] = system.trim() ? [{ role: 'system', content: system }] : [];
  for (const m of history)
    if ((m.status !== 'error' || m.content) && m.delivery === undefined)
      out.push({ role: m.role, content: m.content });
  return out;
}

function samplingFor(pane: PaneId): { sampling: Sampling; system: string } {
  const s = effectiveSettings(useStore.getState().settings, pane);
  const sampling: Sampling = { temperature: s.temperature, top_p: s.top_p, max_tokens: s.max_tokens };
  if (s.seed !== null) sampling.seed = s.seed;
  return { sampling, system: s.systemPrompt };
}

export interface RunRequest {
  pane: PaneId;
  /** The prompt to answer (a user message in the pane's transcript). */
  userId: string;
  /** The prompt waited for this pane's model and runs on its own (see TurnRecord.delayed). */
  delayed?: boolean;
}

/**
 * How often a streaming reply's new tokens reach the store (and the page): 10 times a second, both panes on
 * one clock (sharedClock), so two streaming panes make one frame per update, not one each. Every update is
 * a frame to lay out, paint, raster and composite, about 5 ms of the page's CPU on this project's machine.
 * Bench (pagecost, two panes on the paced model, engines pinned): the page added 0.16 cores at 20 updates
 * a second and 0.09 at 10. A reader sees text arrive in steps of a few tokens at a model's pace (3 at
 * 30 tok/s); the figures come from the worker's timestamps, never from when the page drew.
 */
export const STREAM_BATCH_MS = 100;
/** One clock for every pane: two panes streaming update the page in the same frame (lib/batcher). */
const streamClock = sharedClock(STREAM_BATCH_MS);

/** Runs one reply; false when the pane could not take it (no engine, not ready). */
export async function runPane({ pane, userId, delayed }: RunRequest, mode: RunMode): Promise<boolean> {
  const store = useStore.getState();
  const client = existingClient(pane);
  const state = store.panes[pane];
  if (!client || state.status !== 'ready' || !state.model) return false;
  const draftId = newId();
  const startedAt = Date.now();
  store.patchPane(pane, {
    status: 'generating',
    stopping: false,
    draft: { id: draftId, replyTo: userId, text: '', tokenTimes: [], startedAt, mode },
  });
  // The first token shows at once; after it, the reply's text and timings reach the store in batches.
  let first = true;
  const batch = batcher<TokenEvent>(
    (toks) => {
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
    },
    streamClock,
    () => {
      const now = first;
      first = false;
      return now;
    },
  );
  const { sampling, system } = samplingFor(pane);
  const messages = chatMessages(system, historyFor(state.messages, userId));
  try {
    const out = await client.generate(
      messages,
      sampling,
      (t) => batch.push(...t),
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
          ...(delayed ? { delayed: true } : {}),
          ...remoteOf(p.model, out.remote?.seedDropped === true),
        },
      };
      return {
        status: 'ready',
        stopping: false,
        draft: null,
        messages: placeReply(p.messages, d.replyTo, msg),
      };
    });
  } catch (e) {
    batch.flush();
    const err = serializeError(e);
    useStore.getState().patchPane(pane, (p) => ({
      status: p.status === 'generating' ? 'ready' : p.status,
      stopping: false,
      error: err,
      draft: null,
      messages: p.draft
        ? placeReply(p.messages, p.draft.replyTo, {
            id: p.draft.id,
            role: 'assistant',
            content: p.draft.text,
            // A server's stream that stopped mid-reply: what arrived is kept, marked as cut off.
            status: err.name === 'RemoteStreamCutError' ? 'cut' : 'error',
          })
        : p.messages,
    }));
  }
  persistNow();
  return true;
}

/** A remote turn's record: where the prompt went, and whether the server refused the seed. */
function remoteOf(model: PaneState['model'], seedDropped: boolean): Pick<TurnRecord, 'remote'> {
  const host = remoteHost(model);
  return host ? { remote: { host, ...(seedDropped ? { seedDropped } : {}) } } : {};
}
