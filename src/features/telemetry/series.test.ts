import { describe, expect, it } from 'vitest';
import { emptyPane, type Message, type PaneState, type TurnRecord } from '../../store/types';
import {
  historyRows,
  memoryOrigin,
  memoryRows,
  mergeThroughput,
  paneThroughput,
  rateSeries,
  turnPoints,
} from './series';

/** n tokens, one every stepMs, the first at from. */
const every = (from: number, n: number, stepMs: number) =>
  Array.from({ length: n }, (_, i) => from + i * stepMs);
const stats = {
  promptTokens: 20,
  completionTokens: null,
  prefillTokensPerS: null,
  decodeTokensPerS: null,
  timeToFirstTokenMs: null,
};
const turn = (tokenTimes: number[], startedAt: number, modelId = 'm-a'): TurnRecord => ({
  mode: 'together',
  modelId,
  engine: 'e',
  startedAt,
  endedAt: (tokenTimes.at(-1) ?? startedAt) + 5,
  tokenTimes,
  engineStats: stats,
});
const reply = (t: TurnRecord): Message => ({
  id: String(t.startedAt),
  role: 'assistant',
  content: '',
  turn: t,
});
const pane = (patch: Partial<PaneState>): PaneState => ({ ...emptyPane(), ...patch });

describe('paneThroughput', () => {
  it('samples the streaming draft every 100 ms from its first token', () => {
    // First token 200 ms after the request, then one every 20 ms for 1 s: 50 tok/s.
    const p = pane({
      draft: { id: 'd', text: '', tokenTimes: every(1200, 51, 20), startedAt: 1000, mode: 'together' },
      messages: [reply(turn(every(0, 5, 10), 0))],
    });
    const s = paneThroughput('a', p);
    expect(s.source).toBe('streaming');
    expect(s.samples.map((x) => x.tMs)).toEqual([300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200]);
    for (const x of s.samples) expect(x.tokensPerS).toBeCloseTo(50, 9);
  });

  it('adds the latest token as a last sample when it falls between steps', () => {
    // 4 tokens 20 ms apart: shorter than one 100 ms step, so throughputSeries alone has nothing.
    expect(rateSeries(every(1100, 4, 20), 1000)).toEqual([{ tMs: 160, tokensPerS: 50 }]);
    const s = rateSeries(every(1100, 8, 20), 1000);
    expect(s.map((x) => x.tMs)).toEqual([200, 240]);
    expect(rateSeries([1100], 1000)).toEqual([]);
    expect(rateSeries([], 1000)).toEqual([]);
  });

  it('shows the last finished turn when idle, and nothing before the first turn', () => {
    const p = pane({
      messages: [reply(turn(every(100, 3, 50), 0, 'old')), reply(turn(every(1100, 21, 10), 1000))],
    });
    const s = paneThroughput('b', p);
    expect(s).toMatchObject({ pane: 'b', source: 'last turn', modelId: 'm-a' });
    expect(s.samples.map((x) => x.tMs)).toEqual([200, 300]); // the last token is on the grid: no extra
    for (const x of s.samples) expect(x.tokensPerS).toBeCloseTo(100, 9);
    expect(paneThroughput('a', emptyPane())).toEqual({ pane: 'a', modelId: null, source: null, samples: [] });
  });
});

describe('mergeThroughput', () => {
  it('puts both panes on one time axis in seconds, sorted, leaving gaps empty', () => {
    const rows = mergeThroughput([
      {
        pane: 'a',
        modelId: null,
        source: 'streaming',
        samples: [
          { tMs: 300, tokensPerS: 5 },
          { tMs: 100, tokensPerS: 4 },
        ],
      },
      {
        pane: 'b',
        modelId: null,
        source: 'streaming',
        samples: [
          { tMs: 100.2, tokensPerS: 7 },
          { tMs: 250, tokensPerS: 8 },
        ],
      },
    ]);
    expect(rows).toEqual([
      { tS: 0.1, a: 4, b: 7 },
      { tS: 0.25, b: 8 },
      { tS: 0.3, a: 5 },
    ]);
  });
});

describe('history', () => {
  it('measures every finished turn per pane and lines them up by turn number', () => {
    const a = turnPoints('a', {
      messages: [reply(turn(every(1100, 11, 10), 1000)), reply(turn([2500], 2000))],
    });
    const b = turnPoints('b', { messages: [reply(turn(every(1300, 6, 50), 1000, 'm-b'))] });
    expect(a.map((p) => [p.turn, p.ttftMs, p.tokens])).toEqual([
      [1, 100, 11],
      [2, 500, 1],
    ]);
    expect(a[0]?.decodeTokensPerS).toBeCloseTo(100, 9);
    expect(a[1]?.decodeTokensPerS).toBeNull();
    expect(b[0]).toMatchObject({ modelId: 'm-b', ttftMs: 300, decodeTokensPerS: 20 });
    expect(historyRows([...a, ...b], (p) => p.ttftMs)).toEqual([
      { turn: 1, a: 100, b: 300 },
      { turn: 2, a: 500 },
    ]);
    expect(historyRows(a, (p) => p.decodeTokensPerS)[1]).toEqual({ turn: 2 });
  });
});

describe('memory', () => {
  it('converts to MiB against seconds since the earliest sample of either pane', () => {
    const s = (t: number, heap: number | null) => ({
      t,
      gpuLiveBytes: 3 * 2 ** 20,
      gpuPeakBytes: 2 ** 22,
      gpuBuffers: 2,
      jsHeapBytes: heap,
    });
    const memory = { a: [s(5000, null)], b: [s(3000, 2 ** 19), s(7000, null)] };
    const origin = memoryOrigin(memory);
    expect(origin).toBe(3000);
    expect(memoryRows(memory.a, origin)).toEqual([{ tS: 2, gpuLiveMiB: 3, gpuPeakMiB: 4, jsHeapMiB: null }]);
    expect(memoryRows(memory.b, origin).map((r) => r.jsHeapMiB)).toEqual([0.5, null]);
    expect(memoryOrigin({ a: [], b: [] })).toBe(0);
  });
});
