/**
 * A batch of questions (the MMLU check, "Run all presets") holds its panes for its whole length: each pane
 * is marked 'generating' from start to end, so a chat turn (which needs 'ready') cannot start in it, the
 * model cannot be swapped, and the pane's own Stop button and Esc (stop all) stop the batch.
 */
import type { ChatMessage, Sampling, TokenEvent } from '../engine/types';
import { useStore } from '../store/store';
import { PANES, type PaneId, type TurnRecord } from '../store/types';
import { existingClient } from './engines';

/** Takes the panes (all must be ready); a sentence saying why not otherwise. */
export function leasePanes(ids: readonly PaneId[]): string | null {
  const st = useStore.getState();
  if (PANES.some((id) => st.panes[id].status === 'generating'))
    return 'A reply is being generated: wait for it to finish (or stop it), then start again.';
  for (const id of ids) {
    const p = st.panes[id];
    if (p.status !== 'ready' || !existingClient(id))
      return `Pane ${id.toUpperCase()} is not ready: load its model, then start again.`;
  }
  for (const id of ids) st.patchPane(id, { status: 'generating', stopping: false, error: null });
  return null;
}

export function releasePanes(ids: readonly PaneId[]): void {
  for (const id of ids)
    useStore
      .getState()
      .patchPane(id, (p) =>
        p.status === 'generating' ? { status: 'ready', stopping: false } : { stopping: false },
      );
}

/** A pane's Stop (or Esc) was pressed, or the pane left the batch (its engine failed). */
export const paneStopped = (id: PaneId): boolean => {
  const p = useStore.getState().panes[id];
  return p.stopping || p.status !== 'generating';
};

export function interruptPanes(ids: readonly PaneId[]): void {
  for (const id of ids)
    void existingClient(id)
      ?.interrupt()
      .catch(() => undefined);
}

export interface Asked {
  reply: string;
  aborted: boolean;
  turn: TurnRecord;
}

/**
 * One prompt as a fresh conversation (no system prompt, no history), greedy (temperature 0), timed in the
 * worker like any chat turn.
 */
export async function askPane(id: PaneId, prompt: string, maxTokens: number): Promise<Asked> {
  const client = existingClient(id);
  if (!client) throw new Error('The engine is gone.');
  const tokens: TokenEvent[] = [];
  const messages: ChatMessage[] = [{ role: 'user', content: prompt }];
  const sampling: Sampling = { temperature: 0, top_p: 1, max_tokens: maxTokens, seed: 0 };
  const out = await client.generate(messages, sampling, (t) => tokens.push(...t));
  const p = useStore.getState().panes[id];
  return {
    reply: tokens.map((t) => t.text).join(''),
    aborted: out.finishReason === 'abort',
    turn: {
      mode: 'in-turn',
      modelId: p.model?.id ?? '',
      engine: p.info?.runtimeVersion ?? '',
      startedAt: out.startedAt,
      endedAt: out.endedAt,
      tokenTimes: tokens.map((t) => t.t),
      engineStats: out.stats,
    },
  };
}

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
