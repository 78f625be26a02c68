/**
 * Blind mode in the controller, against a scripted fake engine: sides drawn at random, votes attached to the
 * prompt both panes answered (with the sides as they were), re-drawn only between turns, and a vote dropped
 * when its replies are asked again.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TokenEvent } from '../engine/types';
import { emptyStats } from '../engine/types';
import { initialBlind } from '../store/blind-slice';
import { useStore } from '../store/store';
import { emptyPane, type PaneId } from '../store/types';

const order: PaneId[] = [];
const fake = (pane: PaneId) => ({
  generate(_m: unknown, _s: unknown, onTokens: (t: TokenEvent[]) => void) {
    order.push(pane);
    const t = Date.now();
    onTokens([{ text: `reply from ${pane}`, t }]);
    return Promise.resolve({ finishReason: 'stop', stats: emptyStats, startedAt: t - 1, endedAt: t + 1 });
  },
  interrupt: () => Promise.resolve(),
  reset: () => Promise.resolve(),
});
vi.mock('./engines', () => ({ existingClient: (pane: PaneId) => fake(pane) }));
vi.mock('./session', () => ({ persistNow: () => undefined, persistDraftThrottled: () => undefined }));

const { send, regenerate } = await import('./generate');
const { castVote, drawModel1, redrawBlock, redrawSides, reveal, startBlind } = await import('./blind');

const spec = (id: string) => ({ engine: 'llamacpp' as const, id, url: `https://huggingface.co/${id}` });
const settle = () => new Promise((r) => setTimeout(r, 30));

beforeEach(() => {
  order.length = 0;
  useStore.setState({
    panes: {
      a: { ...emptyPane(), model: spec('x.gguf'), status: 'ready' },
      b: { ...emptyPane(), model: spec('y.gguf'), status: 'ready' },
    },
    settings: { ...useStore.getState().settings, mode: 'in-turn' },
    blind: initialBlind,
    votes: [],
    tabRole: 'writer',
    linkOffer: null,
  });
});

describe('blind controller', () => {
  it('draws either pane as Model 1, from crypto.getRandomValues', () => {
    const spy = vi.spyOn(crypto, 'getRandomValues');
    const seen = new Set(Array.from({ length: 64 }, () => drawModel1()));
    expect(seen).toEqual(new Set(['a', 'b']));
    expect(spy).toHaveBeenCalledTimes(64);
    spy.mockRestore();
  });

  it('starts a new round each time, votes on the turn both panes answered, and reveals', async () => {
    startBlind();
    expect(useStore.getState().blind).toMatchObject({ on: true, round: 1 });
    const model1 = useStore.getState().blind.model1;
    expect(castVote('tie')).toBe(false); // nothing to vote on yet
    expect(send('Which is larger, 9.11 or 9.9?')).toEqual({ sent: true });
    await settle();
    // In turn, the pane shown first (Model 1) answers first.
    expect(order).toEqual([model1, model1 === 'a' ? 'b' : 'a']);
    expect(castVote('model1')).toBe(true);
    expect(castVote('model2')).toBe(true); // a second vote on the same turn replaces the first
    const votes = useStore.getState().votes;
    expect(votes).toHaveLength(1);
    const ids = { a: 'x.gguf', b: 'y.gguf' };
    expect(votes[0]).toMatchObject({
      round: 1,
      prompt: 'Which is larger, 9.11 or 9.9?',
      choice: 'model2',
      model1: { pane: model1, modelId: ids[model1] },
    });
    // The vote's prompt id is the one both panes' user messages carry.
    const promptIds = (['a', 'b'] as const).map((p) => useStore.getState().panes[p].messages[0]?.promptId);
    expect(promptIds).toEqual([votes[0]?.promptId, votes[0]?.promptId]);
    reveal();
    expect(useStore.getState().blind.on).toBe(false);
    expect(castVote('tie')).toBe(false);
    startBlind();
    expect(useStore.getState().blind.round).toBe(2);
    expect(useStore.getState().votes).toHaveLength(1);
  });

  it('re-draws sides only between turns', () => {
    expect(redrawSides()).toBe(false);
    startBlind();
    useStore.getState().patchPane('a', { status: 'generating' });
    expect(redrawBlock()).toMatch(/between turns/);
    expect(redrawSides()).toBe(false);
    useStore.getState().patchPane('a', { status: 'ready' });
    expect(redrawBlock()).toBeNull();
    const seen = new Set<PaneId>();
    for (let i = 0; i < 64; i++) {
      expect(redrawSides()).toBe(true);
      seen.add(useStore.getState().blind.model1);
    }
    expect(seen).toEqual(new Set(['a', 'b']));
  });

  it('drops the vote on a turn that is asked again', async () => {
    startBlind();
    send('First');
    await settle();
    castVote('both-bad');
    send('Second');
    await settle();
    castVote('model1');
    expect(useStore.getState().votes.map((v) => v.prompt)).toEqual(['First', 'Second']);
    await regenerate();
    await settle();
    expect(useStore.getState().votes.map((v) => v.prompt)).toEqual(['First']);
  });
});
