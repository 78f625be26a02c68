import type {
  EngineStats,
  PromptMarks,
  FinishReason,
  LoadedInfo,
  LoadProgress,
  ModelSpec,
  SerializedError,
} from '../engine/types';

export type PaneId = 'a' | 'b';
export const PANES: readonly PaneId[] = ['a', 'b'];

export type RunMode = 'together' | 'in-turn';

/** How a reply ended, as the user sees it. */
/** 'context': cut because the context window filled up before max tokens was reached. */
/** 'cut': a remote server's stream stopped mid-reply (what arrived is kept). */
export type ReplyStatus = FinishReason | 'interrupted' | 'context' | 'cut';

export interface TurnRecord {
  mode: RunMode;
  modelId: string;
  engine: string;
  /** Epoch ms, taken in the worker. */
  startedAt: number;
  endedAt: number;
  /** Epoch ms of every token, taken in the worker. */
  tokenTimes: number[];
  engineStats: EngineStats;
  /**
   * The prompt waited for this pane's model (it was loading when the prompt was sent) and ran on its own
   * once the model was ready: not side by side with the other pane, so its timing is marked.
   */
  delayed?: boolean;
  /** Worker timestamps that split the time to first token; absent on turns saved before they were kept. */
  marks?: PromptMarks;
  /**
   * The turn ran on an OpenAI-compatible server (host: where the prompt was sent): its timings, taken in
   * the worker as bytes arrived, include the network and the server's queue.
   */
  remote?: { host: string; seedDropped?: boolean };
}

/**
 * How a user turn reached this pane, when not straight away: waiting for the pane's model to finish
 * loading (sent as soon as it is ready), or not sent here at all (and why), so two transcripts can never
 * differ in their prompts without it showing.
 */
export type Delivery = { state: 'queued' } | { state: 'missed'; reason: string };

export interface Message {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  status?: ReplyStatus;
  turn?: TurnRecord;
  /** User messages only: absent when the prompt went to this pane's model when it was sent. */
  delivery?: Delivery;
  /** A user prompt that is a preset, word for word (src/quality/presets.ts): its replies are checked. */
  presetId?: string;
  /** User messages: the id one prompt carries in both panes (a blind vote is attached to it). */
  promptId?: string;
}

export interface Draft {
  id: string;
  /** The user message this reply answers (replies go right after it, before any prompt still queued). */
  replyTo?: string;
  text: string;
  tokenTimes: number[];
  startedAt: number;
  mode: RunMode;
}

export type PaneStatus = 'empty' | 'loading' | 'ready' | 'generating' | 'error';

export interface PaneState {
  model: ModelSpec | null;
  status: PaneStatus;
  progress: LoadProgress | null;
  info: LoadedInfo | null;
  error: SerializedError | null;
  messages: Message[];
  draft: Draft | null;
  stopping: boolean;
  /** Something the user should know that is not an error any more (e.g. the engine was restarted). */
  notice: string | null;
}

/** What shapes a reply; shared by both panes, each of which may override any of it. */
export interface GenSettings {
  systemPrompt: string;
  temperature: number;
  top_p: number;
  max_tokens: number;
  seed: number | null;
}

/** A remote pane's price, US dollars per 1M tokens (null: not set). Not secret: saved with the settings. */
export interface Price {
  inputPerM: number | null;
  outputPerM: number | null;
}

export interface Settings extends GenSettings {
  mode: RunMode;
  overrides: Record<PaneId, Partial<GenSettings>>;
  /** Per pane; used when the pane runs on a server (in-browser panes cost a download and memory instead). */
  prices: Record<PaneId, Price>;
}

export const noPrice: Price = { inputPerM: null, outputPerM: null };

export const defaultSettings: Settings = {
  systemPrompt: '',
  temperature: 0.7,
  top_p: 0.95,
  max_tokens: 512,
  seed: null,
  mode: 'together',
  overrides: { a: {}, b: {} },
  prices: { a: noPrice, b: noPrice },
};

export function effectiveSettings(s: Settings, pane: PaneId): GenSettings {
  const o = s.overrides[pane];
  return {
    systemPrompt: o.systemPrompt ?? s.systemPrompt,
    temperature: o.temperature ?? s.temperature,
    top_p: o.top_p ?? s.top_p,
    max_tokens: o.max_tokens ?? s.max_tokens,
    seed: o.seed !== undefined ? o.seed : s.seed,
  };
}

export function emptyPane(): PaneState {
  return {
    model: null,
    status: 'empty',
    progress: null,
    info: null,
    error: null,
    messages: [],
    draft: null,
    stopping: false,
    notice: null,
  };
}
