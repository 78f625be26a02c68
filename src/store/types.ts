import type {
  EngineStats,
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
export type ReplyStatus = FinishReason | 'interrupted';

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
}

export interface Message {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  status?: ReplyStatus;
  turn?: TurnRecord;
}

export interface Draft {
  id: string;
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
}

export interface Settings {
  systemPrompt: string;
  temperature: number;
  top_p: number;
  max_tokens: number;
  seed: number | null;
  mode: RunMode;
}

export const defaultSettings: Settings = {
  systemPrompt: '',
  temperature: 0.7,
  top_p: 0.95,
  max_tokens: 512,
  seed: null,
  mode: 'together',
};

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
  };
}
