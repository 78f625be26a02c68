/**
 * The datasets-server rows API's answer (`{ rows: [{ row_idx, row, truncated_cells }], num_rows_total, … }`)
 * read as MMLU questions. Nothing from the network is trusted: the envelope must have its shape or the whole
 * answer is refused; each row must have a question, a subject, exactly four text choices and an answer 0–3,
 * or it is set aside with the reason. Rows asked for but not sent are reported too.
 */
import * as v from 'valibot';
import type { McQuestion } from './types';

export class RowsFormatError extends Error {
  override name = 'RowsFormatError';
  /** Asking again will not change the answer's shape. */
  readonly retryable = false;
}

/** The reason given for a row that was asked for and not sent. */
export const NOT_SENT = "not in the server's answer";

export interface RowsRequest {
  config: string;
  split: 'test' | 'dev';
  offset: number;
  length: number;
}

export interface ParsedRows {
  /** Rows in the whole split, as the server says. */
  total: number;
  questions: McQuestion[];
  rejected: { rowIdx: number; reason: string }[];
}

const Envelope = v.object({
  rows: v.array(
    v.object({
      row_idx: v.pipe(v.number(), v.integer(), v.minValue(0)),
      row: v.unknown(),
      truncated_cells: v.optional(v.array(v.string()), []),
    }),
    'no list of rows',
  ),
  num_rows_total: v.pipe(v.number('no row count'), v.integer(), v.minValue(0)),
});

const text = (what: string) => v.string(`${what} is missing or not text`);

/** A field that is not there at all. */
const missing = (i: { path?: { key: unknown }[] }): string => {
  const key = i.path?.at(-1)?.key;
  return `the ${typeof key === 'string' ? key : 'row'} is missing`;
};

const Row = v.object(
  {
    question: v.pipe(
      text('the question'),
      v.check((s) => s.trim() !== '', 'the question is empty'),
    ),
    subject: v.pipe(text('the subject'), v.regex(/^[a-z_]{1,64}$/, 'the subject is not a subject name')),
    choices: v.pipe(
      v.array(text('a choice'), 'the choices are missing'),
      v.length(4, (i) => `${i.received} choices instead of 4`),
    ),
    answer: v.pipe(
      v.number('the answer is missing or not a number'),
      v.integer((i) => `the answer is out of range (${i.received})`),
      v.minValue(0, (i) => `the answer is out of range (${i.received})`),
      v.maxValue(3, (i) => `the answer is out of range (${i.received})`),
    ),
  },
  missing,
);

export function parseRows(json: unknown, req: RowsRequest): ParsedRows {
  const env = v.safeParse(Envelope, json);
  if (!env.success) {
    const issue = env.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join('.');
    throw new RowsFormatError(
      `The dataset server's answer is not a list of rows (${where ? `${where}: ` : ''}${issue.message}).`,
    );
  }
  const { rows, num_rows_total: total } = env.output;
  const end = Math.min(req.offset + req.length, total);
  const seen = new Set<number>();
  const questions: McQuestion[] = [];
  const rejected: ParsedRows['rejected'] = [];
  for (const r of rows) {
    const idx = r.row_idx;
    if (idx < req.offset || idx >= end || seen.has(idx)) continue;
    seen.add(idx);
    if (r.truncated_cells.length) {
      rejected.push({ rowIdx: idx, reason: `cut short by the server (${r.truncated_cells.join(', ')})` });
      continue;
    }
    const row = v.safeParse(Row, r.row);
    if (!row.success) {
      rejected.push({ rowIdx: idx, reason: row.issues.map((i) => i.message).join('; ') });
      continue;
    }
    const { question, subject, choices, answer } = row.output;
    questions.push({
      config: req.config,
      split: req.split,
      rowIdx: idx,
      subject,
      question,
      choices: [choices[0] ?? '', choices[1] ?? '', choices[2] ?? '', choices[3] ?? ''],
      answer,
    });
  }
  for (let i = req.offset; i < end; i++) if (!seen.has(i)) rejected.push({ rowIdx: i, reason: NOT_SENT });
  return { total, questions, rejected };
}
