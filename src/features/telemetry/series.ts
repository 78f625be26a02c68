/**
 * Chart series derived from plain store data (no React): live throughput, per-turn history and memory.
 * Token, request and GPU-memory times come from the engine worker's clock (epoch ms: the worker's
 * performance.timeOrigin + now()); the browser's measurements of llama.cpp's worker are taken on the
 * page (Date.now(), also epoch ms), so the memory chart lines both up by epoch time.
 */
import type { MemorySample } from '../../engine/types';
import { turnFigures } from '../../metrics/figures';
import { rollingDecodeRate, throughputSeries, type ThroughputSample } from '../../metrics/turn';
import type { PaneId, PaneState } from '../../store/types';

/** Rolling window and sampling step of the live chart (rollingDecodeRate via throughputSeries). */
export const RATE_WINDOW_MS = 1000;
export const RATE_STEP_MS = 100;
const MIB = 1024 * 1024;

export type LiveSource = 'streaming' | 'last turn';

export interface PaneThroughput {
  pane: PaneId;
  modelId: string | null;
  source: LiveSource | null;
  samples: ThroughputSample[];
}

/**
 * throughputSeries (every RATE_STEP_MS from the first token), plus one sample at the latest token when
 * that falls between steps: the live edge while streaming, and a rate at all for replies shorter than a step.
 */
export function rateSeries(tokenTimes: readonly number[], startedAt: number): ThroughputSample[] {
  const samples = throughputSeries(tokenTimes, startedAt, RATE_STEP_MS, RATE_WINDOW_MS);
  const last = tokenTimes.reduce((m, t) => (Number.isFinite(t) && t > m ? t : m), -Infinity);
  const tMs = last - startedAt;
  const edge = rollingDecodeRate(tokenTimes, last, RATE_WINDOW_MS);
  if (edge !== null && Number.isFinite(tMs) && tMs > (samples.at(-1)?.tMs ?? -Infinity)) {
    samples.push({ tMs, tokensPerS: edge });
  }
  return samples;
}

/**
 * The streaming reply's throughput while there is one, else that of the pane's last finished turn; time
 * runs from the request start the worker reported (the draft's start is the worker's once 'started' came).
 */
export function paneThroughput(pane: PaneId, p: PaneState): PaneThroughput {
  const modelId = p.model?.id ?? null;
  if (p.draft) {
    return { pane, modelId, source: 'streaming', samples: rateSeries(p.draft.tokenTimes, p.draft.startedAt) };
  }
  const turn = p.messages.findLast((m) => m.turn !== undefined)?.turn;
  if (!turn) return { pane, modelId, source: null, samples: [] };
  const samples = rateSeries(turn.tokenTimes, turn.startedAt);
  return { pane, modelId: turn.modelId || modelId, source: 'last turn', samples };
}

/** One row per distinct time (seconds since the request started), with each pane's rate where it has one. */
export interface ThroughputRow {
  tS: number;
  a?: number;
  b?: number;
}

export function mergeThroughput(series: readonly PaneThroughput[]): ThroughputRow[] {
  const rows = new Map<number, ThroughputRow>();
  for (const s of series) {
    for (const { tMs, tokensPerS } of s.samples) {
      const tS = Math.round(tMs) / 1000;
      const row = rows.get(tS) ?? { tS };
      row[s.pane] = tokensPerS;
      rows.set(tS, row);
    }
  }
  return [...rows.values()].sort((x, y) => x.tS - y.tS);
}

export interface TurnPoint {
  pane: PaneId;
  /** 1-based index of the turn within its pane. */
  turn: number;
  modelId: string;
  ttftMs: number | null;
  decodeTokensPerS: number | null;
  tokens: number;
}

/** Every finished turn of a pane (the messages with a turn record), with its measured figures. */
export function turnPoints(pane: PaneId, p: Pick<PaneState, 'messages'>): TurnPoint[] {
  const out: TurnPoint[] = [];
  for (const m of p.messages) {
    if (!m.turn) continue;
    const t = m.turn;
    const metrics = turnFigures({ ...t, ...(m.status ? { status: m.status } : {}) });
    out.push({
      pane,
      turn: out.length + 1,
      modelId: t.modelId,
      ttftMs: metrics.ttftMs,
      decodeTokensPerS: metrics.decodeTokensPerS,
      tokens: metrics.tokens,
    });
  }
  return out;
}

/** Chart rows keyed by turn number: `a`/`b` hold the chosen metric of each pane's nth turn. */
export interface HistoryRow {
  turn: number;
  a?: number;
  b?: number;
}

export function historyRows(
  points: readonly TurnPoint[],
  pick: (p: TurnPoint) => number | null,
): HistoryRow[] {
  const rows = new Map<number, HistoryRow>();
  for (const p of points) {
    const v = pick(p);
    const row = rows.get(p.turn) ?? { turn: p.turn };
    if (v !== null) row[p.pane] = v;
    rows.set(p.turn, row);
  }
  return [...rows.values()].sort((x, y) => x.turn - y.turn);
}

export interface MemoryRow {
  /** Seconds since `originMs`. */
  tS: number;
  gpuLiveMiB?: number;
  gpuPeakMiB?: number;
  jsHeapMiB?: number | null;
  /** llama.cpp's worker (WebAssembly heap included), measured by the browser, when there is one. */
  wasmMiB?: number;
}

/**
 * Memory samples in MiB against seconds since originMs (memoryOrigin: the earlier of the two panes' first
 * samples), with the browser's measurements of llama.cpp's worker merged in by epoch time.
 */
export function memoryRows(
  samples: readonly MemorySample[],
  originMs: number,
  wasm: readonly { t: number; bytes: number }[] = [],
): MemoryRow[] {
  const rows: MemoryRow[] = samples.map((s) => ({
    tS: (s.t - originMs) / 1000,
    gpuLiveMiB: s.gpuLiveBytes / MIB,
    gpuPeakMiB: s.gpuPeakBytes / MIB,
    jsHeapMiB: s.jsHeapBytes === null ? null : s.jsHeapBytes / MIB,
  }));
  for (const w of wasm) rows.push({ tS: (w.t - originMs) / 1000, wasmMiB: w.bytes / MIB });
  return wasm.length ? rows.sort((x, y) => x.tS - y.tS) : rows;
}

export function memoryOrigin(memory: Record<PaneId, readonly MemorySample[]>): number {
  const firsts = [memory.a[0]?.t, memory.b[0]?.t].filter((t): t is number => t !== undefined);
  return firsts.length ? Math.min(...firsts) : 0;
}
