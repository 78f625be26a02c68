/**
 * One prompt, two panes — always: the controller against a scripted fake engine (no worker). Every pane
 * gets every prompt in its transcript, run at once, queued for a model on its way, or marked as missed.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage, TokenEvent } from '../engine/types';
import { emptyStats } from '../engine/types';
import { useStore } from '../store/store';
import { emptyPane, type PaneId } from '../store/types';

/** A scripted engine per pane: answers "<pane>:<n>" for its n-th request and records what it was sent. */
const sent: Record<PaneId, ChatMessage[][]> = { a: [], b: [] };
const fake = (pane: PaneId) => ({
  generate(messages: ChatMessage[], _s: unknown, onTokens: (t: TokenEvent[]) => void) {
    sent[pane].push(messages);
    const t = Date.now();
    onTokens([{ text: `${pane}:${sent[pane].length}`, t }]);
    return Promise.resolve({ finishReason: 'stop', stats: emptyStats, startedAt: t - 1, endedAt: t + 1 });
  },
  interrupt: () => Promise.resolve(),
  reset: () => Promise.resolve(),
});
vi.mock('./engines', () => ({ existingClient: (pane: PaneId) => fake(pane) }));
vi.mock('./session', () => ({ persistNow: () => undefined, persistDraftThrottled: () => undefined }));

const { send } = await import('./generate');
const { drainQueue, missQueued, sendHere } = await import('./queue');

const model = { engine: 'llamacpp' as const, id: 'gguf:x', url: 'https://huggingface.co/x.gguf' };
const pane = (id: PaneId) => useStore.getState().panes[id];
const texts = (id: PaneId) => pane(id).messages.map((m) => m.content);
const settle = () => new Promise((r) => setTimeout(r, 30));

beforeEach(() => {
  sent.a = [];
  sent.b = [];
  useStore.setState({
    panes: { a: { ...emptyPane(), model }, b: { ...emptyPane(), model } },
    downloading: { a: false, b: false },
    linkOffer: null,
  });
});

describe('a prompt sent while a pane loads', () => {
  it('waits in that pane and runs, marked delayed, as soon as its model is ready', async () => {
    useStore.getState().patchPane('a', { status: 'ready' });
    useStore.getState().patchPane('b', { status: 'loading' });
    expect(send('Hello')).toMatchObject({ sent: true });
    await settle();
    expect(texts('a')).toEqual(['Hello', 'a:1']);
    expect(pane('b').messages).toMatchObject([{ content: 'Hello', delivery: { state: 'queued' } }]);
    expect(sent.b).toHaveLength(0);

    useStore.getState().patchPane('b', { status: 'ready' });
    await drainQueue('b');
    expect(texts('b')).toEqual(['Hello', 'b:1']);
    expect(pane('b').messages[0]?.delivery).toBeUndefined();
    expect(pane('b').messages[1]?.turn?.delayed).toBe(true);
    expect(pane('a').messages[1]?.turn?.delayed).toBeUndefined();
    expect(sent.b[0]).toEqual([{ role: 'user', content: 'Hello' }]);
  });

  it('two waiting prompts run in order, each reply right after its prompt, each with the history before it', async () => {
    useStore.getState().patchPane('a', { status: 'ready' });
    useStore.getState().patchPane('b', { status: 'loading' });
    send('one');
    await settle();
    send('two');
    await settle();
    expect(texts('b')).toEqual(['one', 'two']);
    useStore.getState().patchPane('b', { status: 'ready' });
    await drainQueue('b');
    expect(texts('b')).toEqual(['one', 'b:1', 'two', 'b:2']);
    expect(sent.b[1]).toEqual([
      { role: 'user', content: 'one' },
      { role: 'assistant', content: 'b:1' },
      { role: 'user', content: 'two' },
    ]);
  });

  it('a download in progress, or a link awaiting a yes, also makes a pane wait', async () => {
    useStore.getState().patchPane('a', { status: 'ready' });
    useStore.setState({ downloading: { a: false, b: true } });
    send('x');
    expect(pane('b').messages[0]?.delivery).toEqual({ state: 'queued' });
    useStore.setState({
      downloading: { a: false, b: false },
      linkOffer: { picks: { b: model }, settings: {} },
    });
    await settle();
    send('y');
    expect(pane('b').messages[1]?.delivery).toEqual({ state: 'queued' });
  });

  it('when the model will not come, waiting prompts are marked missed, with the reason', async () => {
    useStore.getState().patchPane('a', { status: 'ready' });
    useStore.getState().patchPane('b', { status: 'loading' });
    send('Hello');
    await settle();
    missQueued('b', 'this pane’s model failed to load');
    expect(pane('b').messages[0]?.delivery).toEqual({
      state: 'missed',
      reason: 'this pane’s model failed to load',
    });
  });
});

describe('a pane that cannot take the prompt', () => {
  it('gets it marked as missed; it is never part of that pane’s conversation unless sent there', async () => {
    useStore.getState().patchPane('a', { status: 'ready' });
    send('first');
    await settle();
    expect(pane('b').messages).toMatchObject([
      { content: 'first', delivery: { state: 'missed', reason: 'no model was loaded in this pane' } },
    ]);
    useStore.getState().patchPane('b', { status: 'ready' });
    send('second');
    await settle();
    // B's model never saw "first".
    expect(sent.b[0]).toEqual([{ role: 'user', content: 'second' }]);
    // "Send it here too" sends the missed prompt now, as B's newest turn.
    const missed = pane('b').messages[0]?.id ?? '';
    await sendHere('b', missed);
    expect(texts('b')).toEqual(['second', 'b:1', 'first', 'b:2']);
    expect(pane('b').messages.every((m) => m.delivery === undefined)).toBe(true);
    expect(pane('b').messages[3]?.turn?.delayed).toBe(true);
  });

  it('a reply that never started (stopped before its first token) can be sent again in that pane alone', async () => {
    useStore.getState().patchPane('a', { status: 'ready' });
    useStore.getState().patchPane('b', {
      status: 'ready',
      messages: [
        { id: 'u', role: 'user', content: 'q' },
        { id: 'r', role: 'assistant', content: '', status: 'abort' },
      ],
    });
    await sendHere('b', 'u');
    expect(texts('b')).toEqual(['q', 'b:1']);
    expect(sent.a).toHaveLength(0);
  });

  it('nothing is sent, and the reason is given, while a pane is still answering or no model is coming', () => {
    expect(send('x')).toEqual({
      sent: false,
      reason: expect.stringContaining('No model is loaded yet') as string,
    });
    useStore.getState().patchPane('a', { status: 'generating' });
    useStore.getState().patchPane('b', { status: 'ready' });
    const r = send('x');
    expect(r.sent).toBe(false);
    expect(!r.sent && r.reason).toContain('Pane A is still answering');
    expect(pane('b').messages).toEqual([]);
    expect(send('   ')).toMatchObject({ sent: false });
  });
});
