import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilson } from '../metrics/wilson';
import { tally, VOTE_CHOICES, withVote, votedRounds, type Vote, type VoteChoice } from './votes';

const X = 'model-x';
const Y = 'model-y';

function vote(choice: VoteChoice, model1: 'a' | 'b', promptId = String(Math.random()), round = 1): Vote {
  const ids = { a: X, b: Y };
  const model2 = model1 === 'a' ? 'b' : 'a';
  return {
    round,
    promptId,
    prompt: 'p',
    choice,
    at: 0,
    model1: { pane: model1, modelId: ids[model1] },
    model2: { pane: model2, modelId: ids[model2] },
  };
}

describe('tally', () => {
  it('counts per model, whichever side it was on', () => {
    // Pane A (model X) is Model 1 for two votes, Model 2 for the rest.
    const votes = [
      vote('model1', 'a'), // X wins
      vote('model2', 'a'), // Y wins
      vote('model2', 'b'), // X wins (X was Model 2)
      vote('tie', 'b'),
      vote('both-bad', 'a'),
    ];
    const rows = tally(votes);
    const x = rows.find((r) => r.modelId === X);
    const y = rows.find((r) => r.modelId === Y);
    expect(x).toMatchObject({ votes: 5, wins: 2, losses: 1, ties: 1, bothBad: 1, pane: null });
    expect(y).toMatchObject({ votes: 5, wins: 1, losses: 2, ties: 1, bothBad: 1, pane: null });
    expect(x?.winRate).toBeCloseTo(0.4, 12);
    expect(x?.ci).toEqual(wilson(2, 5));
    // The model with more wins comes first.
    expect(rows.map((r) => r.modelId)).toEqual([X, Y]);
  });

  it('tells the two panes apart when both hold the same model', () => {
    const same: Vote = {
      ...vote('model1', 'b'),
      model1: { pane: 'b', modelId: X },
      model2: { pane: 'a', modelId: X },
    };
    const rows = tally([same]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ modelId: X, pane: 'b', wins: 1 });
    expect(rows[1]).toMatchObject({ modelId: X, pane: 'a', losses: 1 });
  });

  it('is empty without votes', () => {
    expect(tally([])).toEqual([]);
  });

  it('adds up: outcomes sum to the votes, wins to losses, and re-drawn sides change nothing', () => {
    const arb = fc.array(
      fc.record({
        choice: fc.constantFrom(...VOTE_CHOICES),
        model1: fc.constantFrom('a' as const, 'b' as const),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(arb, (spec) => {
        const votes = spec.map((s, i) => vote(s.choice, s.model1, String(i)));
        const rows = tally(votes);
        for (const r of rows) {
          expect(r.wins + r.losses + r.ties + r.bothBad).toBe(r.votes);
          expect(r.votes).toBe(votes.length);
          expect(r.ci).toEqual(wilson(r.wins, r.votes));
        }
        const sum = (k: 'wins' | 'losses' | 'ties' | 'bothBad') => rows.reduce((s, r) => s + r[k], 0);
        expect(sum('wins')).toBe(sum('losses'));
        expect(sum('ties')).toBe(2 * votes.filter((v) => v.choice === 'tie').length);
        // The same judgements with the sides swapped (Model 1 ↔ Model 2, and the choice with them).
        const swap: Record<VoteChoice, VoteChoice> = {
          model1: 'model2',
          model2: 'model1',
          tie: 'tie',
          'both-bad': 'both-bad',
        };
        const swapped = votes.map((v) => ({
          ...v,
          model1: v.model2,
          model2: v.model1,
          choice: swap[v.choice],
        }));
        const byModel = (rs: typeof rows) => Object.fromEntries(rs.map((r) => [r.modelId, r]));
        expect(byModel(tally(swapped))).toEqual(byModel(rows));
      }),
    );
  });
});

describe('withVote', () => {
  it('replaces an earlier vote on the same prompt of the same round, and keeps the rest', () => {
    const first = vote('model1', 'a', 'p1');
    const other = vote('tie', 'a', 'p2');
    const earlierRound = vote('model2', 'a', 'p1', 0);
    const again = vote('both-bad', 'b', 'p1');
    const out = withVote([earlierRound, first, other], again);
    expect(out).toEqual([earlierRound, other, again]);
    expect(votedRounds(out)).toEqual([0, 1]);
  });
});
