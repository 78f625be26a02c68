/**
 * The session's measurements as one plain, serialisable report: every finished turn of both panes with
 * the metrics computed from the worker's timestamps, the engine's own figures, every memory sample and
 * what the device reported. Pure: built from plain data, no store, no DOM.
 */
import type { DeviceReport } from '../../device/probe';
import type { EngineStats, MemorySample, PromptMarks } from '../../engine/types';
import { paneCost, turnCost, type SessionCost } from '../../metrics/cost';
import { turnFigures, type TurnFigures } from '../../metrics/figures';
import type { PresetTable, QualityRun } from '../../quality/types';
import {
  noPrice,
  type Message,
  type PaneId,
  type Price,
  type RunMode,
  type TurnRecord,
} from '../../store/types';
import type { Vote } from '../../quality/votes';
import { blindExport, type BlindExport } from './blind-report';
import { presetsExport, qualityExport, type PresetsExport, type QualityExport } from './quality-report';

/** The web-llm version this app pins (package.json); a unit test keeps the two equal. */
export const WEBLLM_VERSION = __WEBLLM_VERSION__;
export const REPORT_FORMAT = 'tandem-session';
/**
 * 2: metrics are TurnFigures (time-to-first-token parts, engine checks), turns carry marks.
 * 3: each pane carries its transcript (the conversation itself), turns say whether they were delayed.
 * 4: blind comparison votes, each with the turn it belongs to, and each round's tally (`blind`).
 */
export const REPORT_VERSION = 4;

export interface PaneInput {
  /** The model loaded in the pane now (turns carry their own model id). */
  modelId: string | null;
  /** The pane's runtime, e.g. "web-llm 0.2.86" or "llama.cpp (wllama 3.x)". */
  runtime: string | null;
  messages: readonly Message[];
  memory: readonly MemorySample[];
  /** The pane's price per 1M tokens (remote panes; saved with the settings, never a key). */
  price?: Price;
}

export interface ExportInput {
  /** Epoch ms. */
  exportedAt: number;
  webllmVersion: string;
  device: DeviceReport | null;
  panes: Record<PaneId, PaneInput>;
  /** The MMLU quality check and the preset table, when run. */
  quality?: QualityRun | null;
  presets?: PresetTable | null;
  /** Blind comparison votes, every round. */
  votes?: readonly Vote[];
}

export interface TurnExport {
  pane: PaneId;
  /** 1-based, per pane. */
  turn: number;
  modelId: string;
  /** The engine and its version, as the worker reported it when loading. */
  engine: string;
  mode: RunMode;
  /** How the reply ended (stop, length, abort, interrupted…), when known. */
  status: string | null;
  /** Epoch ms, worker clock. */
  startedAt: number;
  endedAt: number;
  /** Every figure of the turn, as the pane shows it (src/metrics/figures.ts). */
  metrics: TurnFigures;
  engineStats: EngineStats;
  /** Worker timestamps that split the time to first token; null on turns saved before they were kept. */
  marks: PromptMarks | null;
  /** Epoch ms of every token, worker clock. */
  tokenTimes: number[];
  /** The prompt waited for the pane's model and ran alone (not side by side). */
  delayed: boolean;
  /** Ran on a server: its host (never a key). Null for an in-browser turn. */
  remote: TurnRecord['remote'] | null;
  /** Remote turns: the server's token counts at the pane's price (null without usage or price). */
  costUsd: number | null;
}

/** One message of the conversation, as the pane shows it. */
export interface TranscriptEntry {
  role: Message['role'];
  content: string;
  /** How a reply ended, when not simply finished. */
  status: string | null;
  /** A prompt that waited for the pane's model, or never reached it (and why). */
  delivery: Message['delivery'] | null;
}

export interface PaneReport {
  modelId: string | null;
  runtime: string | null;
  /** The conversation itself, so an export is a copy of the transcript, not only its measurements. */
  transcript: TranscriptEntry[];
  turns: TurnExport[];
  memory: MemorySample[];
  /** US$ per 1M tokens, as entered for the pane. */
  price: Price;
  /** The remote turns' cost summed (src/metrics/cost.ts). */
  cost: SessionCost;
}

export interface SessionReport {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  exportedAt: string;
  app: { webllmVersion: string };
  device: DeviceReport | null;
  panes: Record<PaneId, PaneReport>;
  quality: QualityExport | null;
  presets: PresetsExport | null;
  /** Blind comparison: each vote with its turn, and each round's tally (null: no votes). */
  blind: BlindExport | null;
}

export function paneTurns(pane: PaneId, messages: readonly Message[], price: Price = noPrice): TurnExport[] {
  const out: TurnExport[] = [];
  for (const m of messages) {
    const t = m.turn;
    if (m.role !== 'assistant' || !t) continue;
    out.push({
      pane,
      turn: out.length + 1,
      modelId: t.modelId,
      engine: t.engine,
      mode: t.mode,
      status: m.status ?? null,
      startedAt: t.startedAt,
      endedAt: t.endedAt,
      metrics: turnFigures({ ...t, ...(m.status ? { status: m.status } : {}) }),
      engineStats: { ...t.engineStats },
      marks: t.marks ? { ...t.marks } : null,
      tokenTimes: [...t.tokenTimes],
      delayed: t.delayed === true,
      remote: t.remote ? { ...t.remote } : null,
      costUsd: t.remote ? turnCost(t.engineStats, price) : null,
    });
  }
  return out;
}

export const transcriptOf = (messages: readonly Message[]): TranscriptEntry[] =>
  messages.map((m) => ({
    role: m.role,
    content: m.content,
    status: m.status ?? null,
    delivery: m.delivery ?? null,
  }));

export function buildReport(input: ExportInput): SessionReport {
  const pane = (id: PaneId): PaneReport => {
    const p = input.panes[id];
    const price = p.price ?? noPrice;
    return {
      modelId: p.modelId,
      runtime: p.runtime,
      transcript: transcriptOf(p.messages),
      turns: paneTurns(id, p.messages, price),
      memory: p.memory.map((s) => ({ ...s })),
      price: { ...price },
      cost: paneCost(
        p.messages.flatMap((m) => (m.turn ? [m.turn] : [])),
        price,
      ),
    };
  };
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    exportedAt: new Date(input.exportedAt).toISOString(),
    app: { webllmVersion: input.webllmVersion },
    device: input.device ? { ...input.device } : null,
    panes: { a: pane('a'), b: pane('b') },
    quality: qualityExport(input.quality ?? null),
    presets: presetsExport(input.presets ?? null),
    blind: blindExport(input.votes ?? [], { a: input.panes.a.messages, b: input.panes.b.messages }),
  };
}
