import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRows, RowsFormatError } from './rows';

const good = (i: number, over: Record<string, unknown> = {}) => ({
  row_idx: i,
  row: { question: `Q${i}?`, subject: 'virology', choices: ['a', 'b', 'c', 'd'], answer: i % 4, ...over },
  truncated_cells: [],
});
const req = { config: 'all', split: 'test' as const, offset: 10, length: 5 };
const envelope = (rows: unknown[], total = 100) => ({
  features: [],
  rows,
  num_rows_total: total,
  partial: false,
});

describe('parseRows', () => {
  it('reads well-formed rows as questions', () => {
    const r = parseRows(envelope([10, 11, 12, 13, 14].map((i) => good(i))), req);
    expect(r.total).toBe(100);
    expect(r.rejected).toEqual([]);
    expect(r.questions.map((q) => q.rowIdx)).toEqual([10, 11, 12, 13, 14]);
    expect(r.questions[1]).toEqual({
      config: 'all',
      split: 'test',
      rowIdx: 11,
      subject: 'virology',
      question: 'Q11?',
      choices: ['a', 'b', 'c', 'd'],
      answer: 3,
    });
  });

  it('sets aside each malformed row with its reason, and keeps the rest', () => {
    const r = parseRows(
      envelope([
        good(10, { answer: 7 }),
        good(11, { choices: ['a', 'b', 'c'] }),
        { row_idx: 12, row: { subject: 'virology', choices: ['a', 'b', 'c', 'd'], answer: 1 } },
        good(13, { answer: '1' }),
        { ...good(14), truncated_cells: ['question'] },
      ]),
      req,
    );
    expect(r.questions).toEqual([]);
    expect(r.rejected).toEqual([
      { rowIdx: 10, reason: 'the answer is out of range (7)' },
      { rowIdx: 11, reason: '3 choices instead of 4' },
      { rowIdx: 12, reason: 'the question is missing' },
      { rowIdx: 13, reason: 'the answer is missing or not a number' },
      { rowIdx: 14, reason: 'cut short by the server (question)' },
    ]);
  });

  it('reports rows it asked for and did not get (a partial answer), and ignores rows it did not ask for', () => {
    const r = parseRows(envelope([good(10), good(12), good(99), good(10, { question: 'dup' })]), req);
    expect(r.questions.map((q) => [q.rowIdx, q.question])).toEqual([
      [10, 'Q10?'],
      [12, 'Q12?'],
    ]);
    expect(r.rejected.map((x) => x.rowIdx)).toEqual([11, 13, 14]);
    expect(r.rejected[0]?.reason).toBe("not in the server's answer");
  });

  it('does not expect rows past the end of the split', () => {
    const r = parseRows(envelope([good(10), good(11)], 12), req);
    expect(r.rejected).toEqual([]);
  });

  it.each([
    ['an HTML page', '<html>Too many requests</html>'],
    ['null', null],
    ['no rows', { num_rows_total: 3 }],
    ['no count', { rows: [] }],
    ['rows not a list', { rows: 'x', num_rows_total: 1 }],
    ['a bad row index', { rows: [{ row_idx: -1, row: {} }], num_rows_total: 1 }],
  ])('refuses %s as a whole', (_, body) => {
    expect(() => parseRows(body, req)).toThrow(RowsFormatError);
  });

  it('never throws anything else and never lets a malformed row through, whatever the server sends', () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer({ min: -3, max: 9 }),
      fc.double(),
      fc.constant(null),
      fc.boolean(),
    );
    const row = fc.record(
      {
        question: value,
        subject: fc.oneof(value, fc.constantFrom('virology', 'anatomy')),
        choices: fc.oneof(value, fc.array(value, { maxLength: 6 })),
        answer: value,
      },
      { requiredKeys: [] },
    );
    const rows = fc.array(
      fc.record({ row_idx: fc.integer({ min: 8, max: 16 }), row: fc.oneof(row, value) }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(rows, (rs) => {
        try {
          const r = parseRows({ rows: rs, num_rows_total: 50 }, req);
          return r.questions.every(
            (q) =>
              typeof q.question === 'string' &&
              q.question.trim() !== '' &&
              q.choices.length === 4 &&
              q.choices.every((c) => typeof c === 'string') &&
              Number.isInteger(q.answer) &&
              q.answer >= 0 &&
              q.answer <= 3 &&
              q.rowIdx >= 10 &&
              q.rowIdx < 15,
          );
        } catch (e) {
          return e instanceof RowsFormatError;
        }
      }),
    );
  });
});
