import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLlamaCppChunk } from '../engine/llamacpp/chunk';
import { promptSteps, type Step } from '../engine/llamacpp/steps';
import { emptyStats, type EngineStats, type PromptMarks } from '../engine/types';
import { MIN_DECODE_CHECK_MS, paneFigures, RESOLUTION_MS, turnFigures, type TurnInput } from './figures';

const every = (from: number, n: number, stepMs: number): number[] =>
  Array.from({ length: n }, (_, i) => from + i * stepMs);

interface Recorded {
  startedAt: number;
  handedAt: number;
  status: string;
  chunks: { t: number; chunk: Parameters<typeof readLlamaCppChunk>[0] }[];
  steps: Step[];
}

/** A turn wllama streamed in the e2e suite's browser, replayed through the adapter's reader (chunk.ts). */
function replay(name: string): TurnInput {
  const r = JSON.parse(readFileSync(new URL(`./recorded/${name}.json`, import.meta.url), 'utf8')) as Recorded;
  const stats: EngineStats = { ...emptyStats };
  const tokenTimes: number[] = [];
  for (const { t, chunk } of r.chunks) {
    const read = readLlamaCppChunk(chunk);
    if (read.text) tokenTimes.push(t);
    Object.assign(stats, read.stats);
  }
  const marks: PromptMarks = { handedAt: r.handedAt, ...promptSteps(r.steps) };
  return {
    startedAt: r.startedAt,
    endedAt: r.chunks.at(-1)?.t ?? r.startedAt,
    tokenTimes,
    engineStats: stats,
    marks,
    status: r.status,
  };
}

describe('turnFigures on recorded llama.cpp turns', () => {
  it('a 420-token prompt and 200 tokens: prompt, decode and tokens agree with llama.cpp', () => {
    const input = replay('llamacpp-paced');
    const f = turnFigures(input);
    expect(f.tokens).toBe(200);
    expect(f.engine.textTokens).toBe(200); // cut at max tokens: no end-of-turn token
    expect(f.checks.tokens).toMatchObject({ within: true, disagrees: false });
    expect(f.engine.promptTokens).toBe(420);
    expect(f.checks.prompt?.apart).toBeLessThan(0.05);
    expect(f.checks.prompt).toMatchObject({ within: true, disagrees: false });
    // llama.cpp's stated rate already counts predicted_n − 1 steps; ours is the same span.
    const { decodeMs, decodeTokensPerS } = input.engineStats;
    expect(f.engine.decodeTokensPerS).toBeCloseTo(199 / ((decodeMs ?? NaN) / 1000), 9);
    expect(f.engine.decodeTokensPerS).toBeCloseTo(decodeTokensPerS ?? NaN, 6);
    expect(f.checks.decode?.apart).toBeLessThan(0.05);
    expect(f.checks.decode?.disagrees).toBe(false);
    // The time to first token is its parts, end to end.
    expect((f.startupMs ?? NaN) + (f.promptMs ?? NaN) + (f.firstTokenMs ?? NaN)).toBeCloseTo(
      f.ttftMs ?? NaN,
      6,
    );
  });

  it('a short reply that ended on its own: the end-of-turn token is counted by llama.cpp, not shown', () => {
    const input = replay('llamacpp-story');
    expect(input.engineStats.completionTokens).toBe(13);
    const f = turnFigures(input);
    expect(f.tokens).toBe(12);
    expect(f.checks.tokens).toMatchObject({ ours: 12, theirs: 12, disagrees: false });
    // llama.cpp processed 1 prompt token in ~1 ms; the call that ran it took far longer (launching the
    // request while the other pane streamed). The engine's time fits inside ours: not a disagreement.
    expect(f.engine.promptMs).toBeLessThan(2);
    expect(f.promptMs).toBeGreaterThan(100);
    expect(f.checks.prompt).toMatchObject({ within: false, disagrees: false });
    expect(f.checks.decode?.disagrees).toBe(false);
  });
});

const turn = (patch: Partial<TurnInput> = {}): TurnInput => ({
  startedAt: 1000,
  endedAt: 2250,
  tokenTimes: every(1200, 51, 20),
  engineStats: { ...emptyStats, promptTokens: 100 },
  ...patch,
});

describe('turnFigures', () => {
  it('computes exact numbers for a regular stream (a token every 20 ms → 50 tok/s)', () => {
    const marks = { handedAt: 1001, promptStartedAt: 1010, promptDoneAt: 1190 };
    const f = turnFigures(turn({ marks }));
    expect(f).toMatchObject({ tokens: 51, ttftMs: 200, startupMs: 10, promptMs: 180, firstTokenMs: 10 });
    expect(f.prefillTokensPerS).toBeCloseTo(100 / 0.18, 9);
    expect(f.decodeMs).toBe(1000);
    expect(f.decodeTokensPerS).toBeCloseTo(50, 9);
    expect(f.e2eMs).toBe(1250);
  });

  it('web-llm: no prompt-start mark, so prompt processing runs from the hand-over to the first token', () => {
    const f = turnFigures(turn({ marks: { handedAt: 1002, promptStartedAt: null, promptDoneAt: null } }));
    expect(f).toMatchObject({ startupMs: 2, promptMs: 198, firstTokenMs: null });
  });

  it('a turn saved before marks were kept shows what it can: no split, no prefill', () => {
    const f = turnFigures(turn());
    expect(f).toMatchObject({
      ttftMs: 200,
      startupMs: null,
      promptMs: null,
      prefillTokensPerS: null,
      tokens: 51,
    });
    expect(f.checks.prompt).toBeNull();
  });

  it('flags a decode rate only beyond 5% and beyond what the clock resolves', () => {
    const at = (engineRate: number) =>
      turnFigures(turn({ engineStats: { ...emptyStats, decodeTokensPerS: engineRate } })).checks.decode;
    expect(at(51)).toMatchObject({ within: true, disagrees: false });
    expect(at(60)?.disagrees).toBe(true); // 1000 ms at 50 tok/s vs 833 ms at 60: 167 ms apart
    // 10% apart on a 100 ms span is 9 ms: below the clock's resolution (and two 20 ms steps).
    const short = turnFigures(
      turn({ tokenTimes: every(1200, 6, 20), engineStats: { ...emptyStats, decodeTokensPerS: 55 } }),
    );
    expect(short.checks.decode).toMatchObject({ within: false, disagrees: false });
  });

  it('a short reply: a difference within two steps of its span is not flagged', () => {
    // Seen on the e2e machine: 12 tokens while the other pane streamed, ours 26.9 tok/s, llama.cpp 24.5.
    const tokenTimes = every(1000, 12, 1000 / 26.9);
    const f = turnFigures(turn({ tokenTimes, engineStats: { ...emptyStats, decodeTokensPerS: 24.5 } }));
    expect(f.checks.decode).toMatchObject({ within: false, disagrees: false });
  });

  it('a decode span under MIN_DECODE_CHECK_MS is never flagged (delivery delays under load), a longer one is', () => {
    // 20% apart, well beyond the clock's resolution over either span.
    const short = turnFigures(
      turn({ tokenTimes: every(1000, 40, 20), engineStats: { ...emptyStats, decodeTokensPerS: 40 } }),
    );
    expect(short.decodeMs).toBeLessThan(MIN_DECODE_CHECK_MS);
    expect(short.checks.decode).toMatchObject({ within: false, disagrees: false, resolved: false });
    const long = turnFigures(
      turn({ tokenTimes: every(1000, 120, 20), engineStats: { ...emptyStats, decodeTokensPerS: 40 } }),
    );
    expect(long.decodeMs).toBeGreaterThanOrEqual(MIN_DECODE_CHECK_MS);
    expect(long.checks.decode).toMatchObject({ within: false, disagrees: true, resolved: true });
  });

  it("llama.cpp's decode span: (predicted_n − 1) ÷ predicted_ms, whatever its stated rate says", () => {
    const f = turnFigures(
      turn({ engineStats: { ...emptyStats, completionTokens: 51, decodeMs: 1000, decodeTokensPerS: 51 } }),
    );
    expect(f.engine.decodeTokensPerS).toBeCloseTo(50, 9);
    expect(f.checks.decode).toMatchObject({ apart: 0, disagrees: false });
  });

  it('the prompt: the engine may take less than our bracket, never more', () => {
    const marks = { handedAt: 1000, promptStartedAt: 1000, promptDoneAt: 1200 };
    const at = (engineMs: number) =>
      turnFigures(turn({ marks, engineStats: { ...emptyStats, timeToFirstTokenMs: engineMs } })).checks
        .prompt;
    expect(at(195)).toMatchObject({ within: true, disagrees: false });
    expect(at(3)).toMatchObject({ within: false, disagrees: false });
    expect(at(200 + RESOLUTION_MS + 20)?.disagrees).toBe(true);
  });

  it('token counts: exact, with the end-of-turn token the engine counts on a reply that stopped', () => {
    const at = (completionTokens: number, status: string) =>
      turnFigures(turn({ status, engineStats: { ...emptyStats, completionTokens } })).checks.tokens;
    expect(at(52, 'stop')).toMatchObject({ theirs: 51, disagrees: false });
    expect(at(51, 'length')).toMatchObject({ theirs: 51, disagrees: false });
    expect(at(52, 'length')?.disagrees).toBe(true);
    expect(at(51, 'stop')?.disagrees).toBe(true);
  });

  it('never throws and gives finite non-negative numbers or null', () => {
    const num = fc.oneof(fc.double(), fc.integer());
    fc.assert(
      fc.property(
        fc.array(num, { maxLength: 50 }),
        num,
        num,
        fc.option(num),
        (tokenTimes, startedAt, endedAt, c) => {
          const f = turnFigures({
            startedAt,
            endedAt,
            tokenTimes,
            engineStats: { ...emptyStats, completionTokens: c },
          });
          expect(
            turnFigures({ startedAt, endedAt, tokenTimes: [0, Number.MIN_VALUE], engineStats: emptyStats })
              .decodeTokensPerS,
          ).toBeNull();
          for (const v of [f.ttftMs, f.decodeTokensPerS, f.decodeMs, f.e2eMs, f.prefillTokensPerS])
            expect(v === null || (Number.isFinite(v) && v >= 0)).toBe(true);
        },
      ),
    );
  });
});

describe('paneFigures', () => {
  it('medians over the turns that have each figure, and counts turns with a disagreement', () => {
    const turns = [
      turnFigures(turn()),
      turnFigures(turn({ tokenTimes: every(1300, 11, 10) })),
      turnFigures(
        turn({ tokenTimes: [], status: 'stop', engineStats: { ...emptyStats, completionTokens: 5 } }),
      ),
    ];
    const p = paneFigures(turns);
    expect(p).toMatchObject({ turns: 3, tokens: 62, medianTtftMs: 250, disagreements: 1 });
    expect(p.medianDecode).toBeCloseTo(75, 9);
  });
});
