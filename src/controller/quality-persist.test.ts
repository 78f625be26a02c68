import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QualityRun } from '../quality/types';
import { isPresetTableLike, isRunLike } from './quality-persist';

const run: QualityRun = {
  id: 'r',
  config: { source: 'all', count: 20, seed: 1, shots: 0, maxTokens: 10 },
  createdAt: 1,
  questions: [
    {
      config: 'all',
      split: 'test',
      rowIdx: 0,
      subject: 'anatomy',
      question: 'Q?',
      choices: ['a', 'b', 'c', 'd'],
      answer: 0,
    },
  ],
  shots: {},
  skipped: [],
  models: { a: 'm', b: null },
  answers: { a: [null], b: [null] },
  finished: false,
};

describe('restoring saved quality data', () => {
  it('accepts a saved run and table of the current shape', () => {
    expect(isRunLike(structuredClone(run))).toBe(true);
    expect(
      isPresetTableLike({ createdAt: 1, models: { a: 'm', b: null }, results: {}, finished: true }),
    ).toBe(true);
  });

  it('drops anything else without throwing', () => {
    expect(isRunLike({ ...run, questions: [{ question: 1 }] })).toBe(false);
    expect(isRunLike({ ...run, answers: { a: [] } })).toBe(false);
    fc.assert(fc.property(fc.anything(), (x) => !isRunLike(x) && !isPresetTableLike(x)));
  });
});
