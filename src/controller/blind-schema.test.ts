import { describe, expect, it } from 'vitest';
import { initialBlind } from '../store/blind-slice';
import { readBlind, readVotes } from './blind-schema';

const vote = {
  round: 1,
  promptId: 'p1',
  prompt: 'Which is larger, 9.11 or 9.9?',
  choice: 'model2',
  at: 1700000000000,
  model1: { pane: 'a', modelId: 'x' },
  model2: { pane: 'b', modelId: 'y' },
};

describe('readBlind', () => {
  it('reads saved blind state, and is off (round kept) when it cannot be read', () => {
    const problems: string[] = [];
    expect(readBlind({ on: true, model1: 'b', round: 3, hideSpeed: false }, problems)).toEqual({
      on: true,
      model1: 'b',
      round: 3,
      hideSpeed: false,
    });
    expect(readBlind(undefined, problems)).toEqual(initialBlind);
    expect(problems).toEqual([]);
    expect(readBlind({ on: 'yes', model1: 'c', round: 4 }, problems)).toEqual({ ...initialBlind, round: 4 });
    expect(readBlind('blind', problems)).toEqual(initialBlind);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/blind mode is off/);
  });
});

describe('readVotes', () => {
  it('keeps the valid votes and says how many were left out', () => {
    const problems: string[] = [];
    const bad = [
      { ...vote, choice: 'model3' },
      { ...vote, promptId: '' },
      { ...vote, model1: { pane: 'c', modelId: 'x' } },
      { ...vote, at: Number.NaN },
      null,
    ];
    expect(readVotes([vote, ...bad, { ...vote, promptId: 'p2' }], problems)).toEqual([
      vote,
      { ...vote, promptId: 'p2' },
    ]);
    expect(problems).toEqual(['5 saved blind votes could not be read and were left out.']);
    expect(readVotes({ 0: vote }, problems)).toEqual([]);
    expect(readVotes(undefined, problems)).toEqual([]);
    expect(problems).toHaveLength(2);
  });
});
