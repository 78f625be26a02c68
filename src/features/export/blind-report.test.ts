import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Vote } from '../../quality/votes';
import type { Message, TurnRecord } from '../../store/types';
import { toCsv, toJson, toMarkdown } from './builders';
import { blindExport, turnOfPrompt } from './blind-report';
import { buildReport, type SessionReport } from './report';

const turn: TurnRecord = {
  mode: 'together',
  modelId: 'x',
  engine: 'llama.cpp',
  startedAt: 1,
  endedAt: 2,
  tokenTimes: [1.5],
  engineStats: {
    promptTokens: 1,
    completionTokens: 1,
    prefillTokensPerS: null,
    decodeTokensPerS: null,
    timeToFirstTokenMs: null,
  },
};
const u = (promptId: string): Message => ({ id: `u-${promptId}`, role: 'user', content: promptId, promptId });
const r = (id: string): Message => ({ id, role: 'assistant', content: 'reply', status: 'stop', turn });
const failed: Message = { id: 'f', role: 'assistant', content: '', status: 'error' };

// Pane A answered p1, p2, p3; pane B's reply to p2 failed (no turn), so its p3 reply is its turn 2.
const a = [u('p1'), r('a1'), u('p2'), r('a2'), u('p3'), r('a3')];
const b = [u('p1'), r('b1'), u('p2'), failed, u('p3'), r('b3')];

const vote = (promptId: string, choice: Vote['choice'], round = 1): Vote => ({
  round,
  promptId,
  prompt: `prompt ${promptId}, "quoted" | piped`,
  choice,
  at: Date.UTC(2025, 0, 31, 12),
  model1: { pane: 'b', modelId: 'y.gguf' },
  model2: { pane: 'a', modelId: 'x.gguf' },
});

describe('blind export', () => {
  it('finds the turn of each pane that answered a prompt', () => {
    expect([turnOfPrompt(a, 'p1'), turnOfPrompt(a, 'p3')]).toEqual([1, 3]);
    expect([turnOfPrompt(b, 'p2'), turnOfPrompt(b, 'p3'), turnOfPrompt(b, 'gone')]).toEqual([null, 2, null]);
  });

  it('holds each vote with its turns, and each round’s tally', () => {
    const votes = [vote('p1', 'model1'), vote('p2', 'tie'), vote('p3', 'model2'), vote('p1', 'both-bad', 2)];
    const out = blindExport(votes, { a, b });
    expect(out?.votes.map((v) => [v.promptId, v.turns.a, v.turns.b])).toEqual([
      ['p1', 1, 1],
      ['p2', 2, null],
      ['p3', 3, 2],
      ['p1', 1, 1],
    ]);
    expect(out?.votes[0]?.votedAt).toBe('2025-01-31T12:00:00.000Z');
    expect(out?.rounds.map((x) => x.round)).toEqual([1, 2]);
    const y = out?.rounds[0]?.tally.find((t) => t.modelId === 'y.gguf');
    expect(y).toMatchObject({ votes: 3, wins: 1, losses: 1, ties: 1, bothBad: 0 });
    expect(y?.winRate).toBeCloseTo(1 / 3, 12);
    expect(y?.ciLow).toBeCloseTo(0.0615, 4);
    expect(y?.ciHigh).toBeCloseTo(0.7923, 4);
    expect(blindExport([], { a, b })).toBeNull();
  });

  it('goes into the JSON, CSV and Markdown exports', () => {
    const report: SessionReport = buildReport({
      exportedAt: 0,
      webllmVersion: '0',
      device: null,
      panes: {
        a: { modelId: 'x.gguf', runtime: null, messages: a, memory: [] },
        b: { modelId: 'y.gguf', runtime: null, messages: b, memory: [] },
      },
      votes: [vote('p1', 'model1'), vote('p3', 'model2')],
    });
    expect((JSON.parse(toJson(report)) as SessionReport).blind).toEqual(report.blind);
    const csv = Papa.parse<Record<string, string>>(toCsv(report).trimEnd(), {
      header: true,
      newline: '\r\n',
    });
    expect(csv.errors).toEqual([]);
    const votes = csv.data.filter((row) => row.section === 'blind_vote');
    expect(votes.map((v) => [v.prompt_id, v.choice, v.model1_pane, v.turn_a, v.turn_b])).toEqual([
      ['p1', 'model1', 'b', '1', '1'],
      ['p3', 'model2', 'b', '3', '2'],
    ]);
    expect(votes[0]?.prompt).toBe('prompt p1, "quoted" | piped');
    const tally = csv.data.filter((row) => row.section === 'blind_tally');
    expect(tally.map((t) => [t.round, t.model_id, t.wins, t.losses, t.votes, t.win_rate])).toEqual([
      ['1', 'y.gguf', '1', '1', '2', '0.5'],
      ['1', 'x.gguf', '1', '1', '2', '0.5'],
    ]);
    const md = toMarkdown(report);
    expect(md).toContain('## Blind comparison (votes)');
    expect(md).toContain('| y.gguf | 2 | 1 | 1 | 0 | 0 | 50.0% | 9.5%–90.5% |');
    expect(md).toContain(
      '| 1 | prompt p1, "quoted" \\| piped | Model 1 better | y.gguf (pane B) | x.gguf (pane A) | 1 | 1 |',
    );
  });
});
