import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { McAnswer, McQuestion, PresetTable, QualityRun } from '../../quality/types';
import type { TurnRecord } from '../../store/types';
import { toCsv, toJson, toMarkdown } from './builders';
import { buildReport, type ExportInput, type SessionReport } from './report';

const turn = (start: number): TurnRecord => ({
  mode: 'in-turn',
  modelId: 'm',
  engine: 'llama.cpp',
  startedAt: start,
  endedAt: start + 300,
  tokenTimes: [start + 200, start + 250, start + 300],
  engineStats: {
    promptTokens: 80,
    completionTokens: 3,
    prefillTokensPerS: null,
    decodeTokensPerS: null,
    timeToFirstTokenMs: null,
  },
});
const q = (rowIdx: number, subject: string, answer: number, question = `Q${rowIdx}?`): McQuestion => ({
  config: 'all',
  split: 'test',
  rowIdx,
  subject,
  question,
  choices: ['w', 'x', 'y', 'z'],
  answer,
});
const said = (letter: McAnswer['letter'], right: number, start: number): McAnswer => ({
  reply: letter ? `The answer is (${letter})` : 'Hmm, | not sure,\n"really"',
  letter,
  correct: letter === 'ABCD'[right],
  turn: turn(start),
});
const questions = [
  q(4, 'virology', 1),
  q(1, 'astronomy', 0),
  q(7, 'virology', 1),
  q(2, 'astronomy', 1),
  q(9, 'virology', 3, 'Has "quotes", commas\nand | pipes?'),
];
const run: QualityRun = {
  id: 'r1',
  config: { source: 'all', count: 20, seed: 1234, shots: 0, maxTokens: 10 },
  createdAt: Date.UTC(2025, 0, 1),
  questions,
  shots: {},
  skipped: [{ rowIdx: 3, reason: 'the answer is out of range (7)' }],
  models: { a: 'Llama-3.2-3B-Instruct-q4f16_1-MLC', b: 'other.gguf' },
  answers: {
    a: questions.map((x, i) => said('B', x.answer, 1000 * i)),
    b: questions.map((x, i) =>
      i === 4
        ? { reply: '', letter: null, correct: false, error: 'boom' }
        : said(i === 1 ? null : 'A', x.answer, 1000 * i + 500),
    ),
  },
  finished: true,
};
const presets: PresetTable = {
  createdAt: Date.UTC(2025, 0, 2),
  models: { a: 'Llama-3.2-3B-Instruct-q4f16_1-MLC', b: null },
  results: {
    json: {
      a: {
        reply: '{"name": "Python"}',
        check: { verdict: 'fail', detail: 'valid JSON, but not the schema: /: missing "year"' },
        turn: turn(0),
      },
    },
    creative: {
      a: {
        reply: 'A poem',
        check: { verdict: 'none', detail: 'no automatic check (creative writing): judge it yourself' },
      },
    },
  },
  finished: false,
};
const input: ExportInput = {
  exportedAt: Date.UTC(2025, 0, 3),
  webllmVersion: '0.2.86',
  device: null,
  panes: {
    a: { modelId: null, runtime: null, messages: [], memory: [] },
    b: { modelId: null, runtime: null, messages: [], memory: [] },
  },
  quality: run,
  presets,
};
const report = buildReport(input);

/** The Wilson interval, written out here independently of the app's. */
function wilson95(k: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const p = k / n;
  const c = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const h = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [c - h, c + h];
}

describe('quality in the JSON export', () => {
  const back = JSON.parse(toJson(report)) as SessionReport;
  it('has the settings to repeat the run, and every answer', () => {
    const qe = back.quality;
    expect(qe).toMatchObject({
      dataset: 'cais/mmlu',
      split: 'test',
      source: 'all',
      seed: 1234,
      shots: 0,
      requestedCount: 20,
      maxTokens: 10,
    });
    expect(qe?.questions).toHaveLength(5);
    expect(qe?.questions[4]?.answers.b).toMatchObject({ error: 'boom', letter: null });
    expect(qe?.questions[0]?.answers.a?.timing?.metrics.ttftMs).toBe(200);
    expect(qe?.questions[0]?.answers.a?.timing?.engineStats.promptTokens).toBe(80);
    expect(qe?.skipped).toEqual([{ rowIdx: 3, reason: 'the answer is out of range (7)' }]);
  });

  it('has each pane’s accuracy with its Wilson interval, and the published figure', () => {
    const a = back.quality?.panes.a;
    // Pane A says B to all: right on rows 4, 7, 2 (answer B) → 3 of 5.
    expect(a?.score).toMatchObject({ correct: 3, scored: 5, accuracy: 0.6 });
    const [lo, hi] = wilson95(3, 5);
    expect(a?.score.ciLow).toBeCloseTo(lo, 12);
    expect(a?.score.ciHigh).toBeCloseTo(hi, 12);
    expect(a?.publishedMmlu).toBe(63.4);
    // Pane B says A, gives no letter once and fails once: right on row 1? no (no letter) → 0 of 4.
    expect(back.quality?.panes.b?.score).toMatchObject({ correct: 0, scored: 4, noAnswer: 1, failed: 1 });
    expect(back.quality?.subjects.map((s) => [s.subject, s.questions, s.scores.a?.correct])).toEqual([
      ['astronomy', 2, 1],
      ['virology', 3, 2],
    ]);
  });

  it('has the preset table', () => {
    expect(back.presets?.rows.find((r) => r.presetId === 'json')?.results.a?.verdict).toBe('fail');
    expect(back.presets?.rows.find((r) => r.presetId === 'creative')?.results.a?.verdict).toBe('none');
    expect(back.presets?.finished).toBe(false);
  });
});

describe('quality in the CSV export', () => {
  const rows = Papa.parse<string[]>(toCsv(report).slice(0, -2), { newline: '\r\n' }).data;
  const header = rows[0] ?? [];
  const records = rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
  const section = (s: string) => records.filter((r) => r.section === s);

  it('stays one rectangular table', () => {
    for (const r of rows) expect(r).toHaveLength(header.length);
  });

  it('has the run’s settings and scores', () => {
    const meta = Object.fromEntries(
      section('quality')
        .filter((r) => !r.pane)
        .map((r): [string, string] => [r.key ?? '', r.value ?? '']),
    );
    expect(meta).toMatchObject({
      seed: '1234',
      shots: '0',
      source: 'all',
      dataset: 'cais/mmlu',
      questions: '5',
    });
    const acc = section('quality').find((r) => r.key === 'accuracy' && r.pane === 'a');
    expect(acc).toMatchObject({ correct: '3', scored: '5', accuracy: '0.6' });
    expect(Number(acc?.ci_low)).toBeCloseTo(wilson95(3, 5)[0], 12);
  });

  it('has one row per pane per question, text intact', () => {
    const answers = section('quality_answer');
    expect(answers).toHaveLength(10);
    const last = answers.find((r) => r.pane === 'a' && r.turn === '5');
    expect(last).toMatchObject({
      subject: 'virology',
      row_idx: '9',
      expected: 'D',
      letter: 'B',
      correct: 'false',
    });
    expect(last?.question).toBe('Has "quotes", commas\nand | pipes?');
    expect(answers.find((r) => r.pane === 'b' && r.turn === '2')?.reply).toBe('Hmm, | not sure,\n"really"');
    expect(answers.find((r) => r.pane === 'b' && r.turn === '5')?.error).toBe('boom');
    expect(answers.find((r) => r.pane === 'a' && r.turn === '1')?.ttft_ms).toBe('200');
    expect(section('quality_subject')).toHaveLength(4);
    expect(section('preset').map((r) => [r.pane, r.preset, r.verdict])).toEqual([
      ['a', 'creative', 'none'],
      ['a', 'json', 'fail'],
    ]);
  });
});

describe('quality in the Markdown summary', () => {
  const md = toMarkdown(report);
  it('has the accuracy table, the per-subject table and the presets', () => {
    expect(md).toContain('## Quality: an MMLU sample (measured here)');
    expect(md).toContain('seed 1234, zero-shot');
    expect(md).toContain(
      '| Pane A | Llama-3.2-3B-Instruct-q4f16_1-MLC | 60.0% | 23.1%–88.2% | 3 / 5 | 0 | 0 | 63.4% |',
    );
    expect(md).toContain('| virology | 3 | 66.7% (20.8%–93.9%), 2 / 3 | 0.0% (0.0%–65.8%), 0 / 2 |');
    expect(md).toContain('## Prompt presets');
    expect(md).toContain('✗ valid JSON, but not the schema: /: missing "year"');
  });

  it('leaves the quality sections out when there was no run', () => {
    const plain = toMarkdown(buildReport({ ...input, quality: null, presets: null }));
    expect(plain).not.toContain('## Quality');
    expect(plain).not.toContain('## Prompt presets');
  });
});
