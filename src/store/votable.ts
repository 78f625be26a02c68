/**
 * Which turn a blind vote goes to: the latest prompt, once both panes are done with it — the same prompt
 * (its id) is the last in both, no reply to it is streaming, neither pane still waits to send it, and at
 * least one pane answered it.
 */
import { PANES, type PaneId, type PaneState } from './types';

export interface VotableTurn {
  promptId: string;
  prompt: string;
}

export function votableTurn(
  panes: Record<PaneId, Pick<PaneState, 'messages' | 'draft' | 'status'>>,
): VotableTurn | null {
  let found: VotableTurn | null = null;
  let answered = false;
  for (const id of PANES) {
    const p = panes[id];
    if (p.draft || p.status === 'generating') return null;
    const i = p.messages.findLastIndex((m) => m.role === 'user');
    const m = p.messages[i];
    if (!m?.promptId || m.delivery?.state === 'queued') return null;
    if (found && found.promptId !== m.promptId) return null;
    found = { promptId: m.promptId, prompt: m.content };
    answered ||= p.messages.slice(i + 1).some((r) => r.role === 'assistant');
  }
  return answered ? found : null;
}
