/**
 * Every figure of a turn, and of a pane's turns, from the worker's timestamps and the engine's own
 * report: the one derivation the pane, the comparison table, the charts and the exports all show.
 *
 * Our spans (worker clock, epoch ms):
 * - time to first token: request start → first token's text arrived.
 * - start-up: request start → prompt handed over (llama.cpp: its chat template applied and the prompt
 *   tokenized and queued; web-llm: handed to the runtime, which templates and tokenizes inside its prefill).
 * - prompt processing: prompt handed over → prompt processed and the first token sampled (llama.cpp: the
 *   call into its worker that ran the prompt; web-llm: → first token arrived).
 * - first token: prompt processed → first token's text arrived (llama.cpp only: queued reports fetched).
 * - decode rate: (tokens − 1) ÷ (last token − first token): the steps after the first token.
 *
 * Compared like with like with the engine's figures:
 * - prompt processing ↔ llama.cpp's prompt_ms / web-llm's time_to_first_token_s. Our span brackets the
 *   engine's: it also holds what the engine does around it (llama.cpp launching the request in its slot,
 *   its prompt cache, the message round trip; web-llm's request set-up), which can be hundreds of ms on a
 *   busy machine for a prompt the engine processes in 1 ms. So the engine's figure must fit inside ours:
 *   flagged only when the engine reports more time than our bracket holds; `within` says when the two
 *   also agree within 5% (a long prompt, where the surrounding work is small beside it);
 * - decode rate ↔ the engine's decode steps over their span: llama.cpp (predicted_n − 1) ÷ predicted_ms,
 *   web-llm's decode_tokens_per_s (decode steps ÷ their time);
 * - tokens ↔ the engine's completion tokens, exactly; the engine also counts the end-of-turn token that
 *   ends a reply and shows no text, so a reply that stopped on its own is compared as ours + 1.
 * A difference is flagged only beyond 5% and beyond what our clock resolves of the engine's work:
 * RESOLUTION_MS (a call into llama.cpp's worker costs up to ~25 ms on a busy machine beyond the work) and,
 * for the decode span, two steps (its first and last token each arrive up to one step after sampling).
 */
import type { EngineStats, PromptMarks } from '../engine/types';
import { median, relativeDifference } from './stats';
import { cleanTimes } from './turn';

export const TOLERANCE = 0.05;
export const RESOLUTION_MS = 25;
/**
 * A decode span shorter than this is not cross-checked: two panes sharing two cores delay a token's
 * delivery to our worker by tens of ms now and then (seen: 33% "apart" on a 12-token reply streaming beside
 * the other pane), and only over a span 40 × RESOLUTION_MS long does such a delay stay within 5%.
 */
export const MIN_DECODE_CHECK_MS = 40 * RESOLUTION_MS;

/** A finished turn as recorded (TurnRecord is one), plus how it ended. */
export interface TurnInput {
  startedAt: number;
  endedAt: number;
  tokenTimes: readonly number[];
  engineStats: EngineStats;
  marks?: PromptMarks;
  /** How the reply ended ('stop' = the model ended it, on an end-of-turn token). */
  status?: string;
  /**
   * Ran on a remote server: the timestamps are of bytes arriving here (network and the server's queue
   * included), one per streamed chunk, and the server's usage may or may not count the closing end-of-turn.
   */
  remote?: unknown;
}

export interface Check {
  ours: number;
  theirs: number;
  /** |ours − theirs| ÷ |theirs|; null when theirs is 0. */
  apart: number | null;
  /** Within 5% (tokens: equal). */
  within: boolean;
  disagrees: boolean;
  /** False when the span is too short for our clock to check the engine's figure (never flagged then). */
  resolved: boolean;
}

export interface TurnFigures {
  /** Tokens whose text streamed, each timestamped in the worker. */
  tokens: number;
  ttftMs: number | null;
  startupMs: number | null;
  promptMs: number | null;
  firstTokenMs: number | null;
  /** Prompt tokens the engine processed ÷ our prompt-processing time. */
  prefillTokensPerS: number | null;
  decodeTokensPerS: number | null;
  /** First token → last token: the span decodeTokensPerS is measured over. */
  decodeMs: number | null;
  e2eMs: number | null;
  engine: {
    promptTokens: number | null;
    promptMs: number | null;
    /** The engine's decode rate over the steps after its first token. */
    decodeTokensPerS: number | null;
    /** The engine's count of tokens that show text (completion tokens less a closing end-of-turn). */
    textTokens: number | null;
  };
  checks: { prompt: Check | null; decode: Check | null; tokens: Check | null };
}

const span = (from: number | null | undefined, to: number | null | undefined): number | null =>
  from != null && to != null && Number.isFinite(to - from) && to - from >= 0 ? to - from : null;
const finite = (x: number | null | undefined): number | null => (x != null && Number.isFinite(x) ? x : null);
/** n per second over ms; null for a zero span or a result that overflows. */
const rate = (n: number, ms: number | null): number | null =>
  ms !== null && ms > 0 && n >= 0 ? finite(n / (ms / 1000)) : null;

/** flag(ours − theirs) says whether the difference is a real disagreement; exact: only equal is within. */
function check(
  ours: number | null,
  theirs: number | null,
  flag: (d: number) => boolean,
  { exact = false, resolved = true }: { exact?: boolean; resolved?: boolean } = {},
): Check | null {
  if (ours === null || theirs === null) return null;
  const apart = relativeDifference(ours, theirs);
  const within = ours === theirs || (!exact && apart !== null && apart <= TOLERANCE);
  return {
    ours,
    theirs,
    apart,
    within,
    resolved,
    disagrees: resolved && ours !== theirs && flag(ours - theirs),
  };
}

/** The engine's decode rate over its steps after the first token. */
function engineDecode(e: EngineStats): number | null {
  const n = finite(e.completionTokens);
  const ms = finite(e.decodeMs);
  // llama.cpp: predicted_ms spans first → last sampled token, so predicted_n − 1 steps.
  if (n !== null && ms !== null) return n >= 2 ? rate(n - 1, ms) : null;
  return finite(e.decodeTokensPerS);
}

export function turnFigures(t: TurnInput): TurnFigures {
  const times = cleanTimes(t.tokenTimes);
  const n = times.length;
  const first = times[0] ?? null;
  const last = times.at(-1) ?? null;
  const m = t.marks;
  const handed = m ? (m.promptStartedAt ?? m.handedAt) : null;
  const promptEnd = m?.promptDoneAt ?? first;
  const ttftMs = span(t.startedAt, first);
  const promptMs = span(handed, promptEnd);
  const decodeMs = n >= 2 ? span(first, last) : null;
  const decodeTokensPerS = decodeMs !== null ? rate(n - 1, decodeMs) : null;
  const e = t.engineStats;
  const promptTokens = finite(e.promptTokens);
  const completion = finite(e.completionTokens);
  // A server's usage may count the closing end-of-turn token (llama-server does) or not: both agree with ours.
  const closing = t.status === 'stop' && !(t.remote && completion === n) ? 1 : 0;
  const textTokens = completion === null ? null : Math.max(0, completion - closing);
  const engine = {
    promptTokens,
    promptMs: finite(e.timeToFirstTokenMs),
    decodeTokensPerS: engineDecode(e),
    textTokens,
  };
  // The engine's prompt time must fit in our bracket: flagged when it exceeds ours (d < 0) beyond both.
  const outside = (theirs: number) => (d: number) => -d > TOLERANCE * Math.abs(theirs) && -d > RESOLUTION_MS;
  // A rate difference, either way, as the time it makes over our decode span.
  const beyondRate = (theirs: number) => (d: number) =>
    Math.abs(d) > TOLERANCE * Math.abs(theirs) &&
    decodeMs !== null &&
    decodeTokensPerS !== null &&
    // Our first and last timestamps each lag the engine's samples by up to one step's delivery.
    Math.abs(decodeMs - ((n - 1) / theirs) * 1000) > Math.max(RESOLUTION_MS, (2 * decodeMs) / (n - 1));
  return {
    tokens: n,
    ttftMs,
    startupMs: span(t.startedAt, handed),
    promptMs,
    firstTokenMs: m?.promptDoneAt != null ? span(m.promptDoneAt, first) : null,
    prefillTokensPerS: promptTokens !== null ? rate(promptTokens, promptMs) : null,
    decodeTokensPerS,
    decodeMs,
    e2eMs: span(t.startedAt, t.endedAt),
    engine,
    checks: {
      prompt: check(promptMs, engine.promptMs, outside(engine.promptMs ?? 0)),
      decode: check(decodeTokensPerS, engine.decodeTokensPerS, beyondRate(engine.decodeTokensPerS ?? 0), {
        resolved: decodeMs !== null && decodeMs >= MIN_DECODE_CHECK_MS,
      }),
      tokens: check(n, textTokens, (d) => d !== 0, { exact: true }),
    },
  };
}

/** A pane's turns in one figure each: medians over the turns that have it. */
export interface PaneFigures {
  turns: number;
  tokens: number;
  medianTtftMs: number | null;
  medianPromptMs: number | null;
  medianDecode: number | null;
  medianEngineDecode: number | null;
  /** Turns with a figure the engine disagrees with. */
  disagreements: number;
}

const medianOf = (xs: (number | null)[]): number | null => median(xs.filter((x): x is number => x !== null));

export function paneFigures(turns: readonly TurnFigures[]): PaneFigures {
  return {
    turns: turns.length,
    tokens: turns.reduce((s, f) => s + f.tokens, 0),
    medianTtftMs: medianOf(turns.map((f) => f.ttftMs)),
    medianPromptMs: medianOf(turns.map((f) => f.promptMs)),
    medianDecode: medianOf(turns.map((f) => f.decodeTokensPerS)),
    medianEngineDecode: medianOf(turns.map((f) => f.engine.decodeTokensPerS)),
    disagreements: turns.filter((f) => Object.values(f.checks).some((c) => c?.disagrees === true)).length,
  };
}
