import { describe, expect, it } from 'vitest';
import { formatAccuracy, paneScore, runSpeed, scoreOf, subjectRows } from './score';
import type { McAnswer, McQuestion, QualityRun } from './types';

const ans = (correct: boolean, letter: McAnswer['letter'] = correct ? 'A' : 'B'): McAnswer => ({
  reply: letter ?? '?',
  letter,
  correct,
});
const q = (subject: string): McQuestion => ({
  config: 'all',
  split: 'test',
  rowIdx: 0,
  subject,
  question: '?',
  choices: ['a', 'b', 'c', 'd'],
  answer: 0,
});

describe('scoreOf', () => {
  it('scores no-answer replies as wrong, leaves failed and pending ones out', () => {
    const s = scoreOf([
      ans(true),
      ans(false),
      ans(false, null),
      { ...ans(true), error: 'boom' },
      null,
      ans(true),
    ]);
    expect(s).toMatchObject({ correct: 2, scored: 4, noAnswer: 1, failed: 1, pending: 1, accuracy: 0.5 });
    expect(s.interval?.low).toBeCloseTo(0.15, 2);
    expect(formatAccuracy(s)).toBe('50.0% (95% CI 15.0–85.0%)');
  });

  it('has no accuracy before anything is scored', () => {
    expect(scoreOf([null, null])).toMatchObject({ accuracy: null, interval: null });
    expect(formatAccuracy(scoreOf([]))).toBe('—');
  });
});

describe('subjectRows and paneScore', () => {
  const run: QualityRun = {
    id: 'r',
    config: { source: 'all', count: 5, seed: 1, shots: 0, maxTokens: 10 },
    createdAt: 0,
    questions: [q('virology'), q('astronomy'), q('virology'), q('astronomy'), q('virology')],
    shots: {},
    skipped: [],
    models: { a: 'm-a', b: null },
    answers: { a: [ans(true), ans(false), ans(true), ans(true), null], b: [] },
    finished: false,
  };

  it('groups by subject, in name order, only for the panes that took part', () => {
    const rows = subjectRows(run);
    expect(rows.map((r) => [r.subject, r.questions])).toEqual([
      ['astronomy', 2],
      ['virology', 3],
    ]);
    expect(rows[0]?.scores.a).toMatchObject({ correct: 1, scored: 2 });
    expect(rows[1]?.scores.a).toMatchObject({ correct: 2, scored: 2, pending: 1 });
    expect(rows[0]?.scores.b).toBeUndefined();
    expect(paneScore(run, 'a')).toMatchObject({ correct: 3, scored: 4, pending: 1 });
  });
});

describe('runSpeed', () => {
  it('takes medians over the answers that carry timings', () => {
    const turn = (start: number, first: number) => ({
      mode: 'in-turn' as const,
      modelId: 'm',
      engine: 'e',
      startedAt: start,
      endedAt: first + 30,
      tokenTimes: [first, first + 10, first + 20],
      engineStats: {
        promptTokens: 100,
        completionTokens: 3,
        prefillTokensPerS: null,
        decodeTokensPerS: null,
        timeToFirstTokenMs: null,
      },
      // The prompt is handed over at the request start (no start-up split): prefill spans to the first token.
      marks: { handedAt: start, promptStartedAt: null, promptDoneAt: null },
    });
    const s = runSpeed([
      { ...ans(true), turn: turn(0, 200) },
      { ...ans(true), turn: turn(1000, 1400) },
      ans(false),
      null,
    ]);
    expect(s.turns).toBe(2);
    expect(s.medianTtftMs).toBe(300);
    expect(s.medianDecode).toBeCloseTo(100, 6);
    expect(s.medianPrefill).toBeCloseTo((500 + 250) / 2, 6);
  });
});
