import { describe, expect, it } from 'vitest';
import type { Message, PaneState } from './types';
import { votableTurn } from './votable';

type P = Pick<PaneState, 'messages' | 'draft' | 'status'>;
const pane = (messages: Message[], extra: Partial<P> = {}): P => ({
  messages,
  draft: null,
  status: 'ready',
  ...extra,
});
const user = (id: string, promptId?: string, delivery?: Message['delivery']): Message => ({
  id,
  role: 'user',
  content: `prompt ${promptId ?? id}`,
  ...(promptId ? { promptId } : {}),
  ...(delivery ? { delivery } : {}),
});
const reply = (id: string): Message => ({ id, role: 'assistant', content: 'reply' });

describe('votableTurn', () => {
  it('is the latest prompt once both panes are done with it', () => {
    const a = pane([user('a1', 'p1'), reply('a2'), user('a3', 'p2'), reply('a4')]);
    const b = pane([user('b1', 'p1'), reply('b2'), user('b3', 'p2'), reply('b4')]);
    expect(votableTurn({ a, b })).toEqual({ promptId: 'p2', prompt: 'prompt p2' });
  });

  it('counts a pane that missed the prompt as done (the other answered)', () => {
    const a = pane([user('a1', 'p1'), reply('a2')]);
    const b = pane([user('b1', 'p1', { state: 'missed', reason: 'no model' })], { status: 'empty' });
    expect(votableTurn({ a, b })?.promptId).toBe('p1');
  });

  it('waits while a reply streams, a prompt waits for its model, or nothing answered', () => {
    const done = pane([user('a1', 'p1'), reply('a2')]);
    const streaming = pane([user('b1', 'p1')], {
      status: 'generating',
      draft: { id: 'd', text: 'x', tokenTimes: [], startedAt: 0, mode: 'together' },
    });
    expect(votableTurn({ a: done, b: streaming })).toBeNull();
    const queued = pane([user('b1', 'p1', { state: 'queued' })], { status: 'loading' });
    expect(votableTurn({ a: done, b: queued })).toBeNull();
    const unanswered = pane([user('x', 'p1')]);
    expect(votableTurn({ a: unanswered, b: unanswered })).toBeNull();
  });

  it('needs the same prompt in both panes, sent with an id', () => {
    const a = pane([user('a1', 'p1'), reply('a2')]);
    expect(votableTurn({ a, b: pane([user('b1', 'p9'), reply('b2')]) })).toBeNull();
    const old = pane([user('a1'), reply('a2')]);
    expect(votableTurn({ a: old, b: old })).toBeNull();
    expect(votableTurn({ a: pane([]), b: pane([]) })).toBeNull();
  });
});
