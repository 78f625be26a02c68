import { describe, expect, it } from 'vitest';
import { historyFor, placeReply, queuedIds } from './transcript';
import type { Message } from './types';

const u = (id: string, delivery?: Message['delivery']): Message => ({
  id,
  role: 'user',
  content: id,
  ...(delivery ? { delivery } : {}),
});
const r = (id: string): Message => ({ id, role: 'assistant', content: id });

describe('transcript rules', () => {
  it('a reply goes right after its prompt, before prompts still waiting; at the end without one', () => {
    const msgs = [u('u1'), u('u2', { state: 'queued' })];
    expect(placeReply(msgs, 'u1', r('r1')).map((m) => m.id)).toEqual(['u1', 'r1', 'u2']);
    expect(placeReply(msgs, 'gone', r('r1')).map((m) => m.id)).toEqual(['u1', 'u2', 'r1']);
    expect(placeReply(msgs, undefined, r('r1')).map((m) => m.id)).toEqual(['u1', 'u2', 'r1']);
  });

  it('the history of a prompt leaves out prompts that missed the pane or still wait', () => {
    const msgs = [
      u('u0', { state: 'missed', reason: 'x' }),
      u('u1'),
      r('r1'),
      u('u2', { state: 'queued' }),
      u('u3', { state: 'queued' }),
    ];
    expect(historyFor(msgs, 'u2').map((m) => m.id)).toEqual(['u1', 'r1', 'u2']);
    expect(historyFor(msgs, 'u2').at(-1)?.delivery).toBeUndefined();
    expect(historyFor(msgs, 'nope')).toEqual([]);
    expect(queuedIds(msgs)).toEqual(['u2', 'u3']);
  });
});
