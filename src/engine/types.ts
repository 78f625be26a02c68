/**
 * The one engine interface: what the main thread may ask a worker, and what the worker reports back.
 * No React, no store. Every adapter (web-llm on WebGPU, llama.cpp in WASM, an OpenAI-compatible server)
 * implements `Adapter`.
 */

export type EngineKind = 'webllm' | 'llamacpp' | 'remote';

/** A model as the app knows it: which engine runs it and where its files live. */
export interface ModelSpec {
  engine: EngineKind;
  /** web-llm model id, or a stable id for a GGUF URL. */
  id: string;
  /**
   * GGUF file URL (llamacpp), the MLC model repository URL for a custom web-llm model, or the API's base URL
   * of an OpenAI-compatible server (remote, e.g. http://127.0.0.1:11434/v1).
   */
  url?: string;
  /** Remote only: the model's name on the server. (Its API key is never part of a spec: specs are saved.) */
  serverModel?: string;
  /** Custom web-llm model only: URL of the compiled model library (.wasm). */
  modelLib?: string;
  /** Context window to run with (tokens). */
  contextWindow?: number;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface Sampling {
  temperature: number;
  top_p: number;
  max_tokens: number;
  seed?: number;
}

/** 'queued': the page holds this load until the other pane's load is done (never sent by a worker). */
export type LoadPhase = 'queued' | 'connect' | 'fetch' | 'cache' | 'gpu' | 'compile' | 'warmup' | 'ready';

export interface LoadProgress {
  phase: LoadPhase;
  /** Bytes so far and in total, when the runtime says; null when unknown. */
  loaded: number | null;
  total: number | null;
  /** 0..1 */
  fraction: number;
  text: string;
}

export interface LoadedInfo {
  engine: EngineKind;
  runtimeVersion: string;
  contextWindow: number | null;
  /** Threads (llama.cpp) or GPU label (web-llm). */
  detail: string;
  /** A short generation run right after loading so the first real turn is not timing shader compilation. */
  warmupMs?: number;
  /** URLs of worker scopes the runtime started (llama.cpp's own worker), to attribute memory measurements. */
  memoryScopes?: string[];
}

export type FinishReason = 'stop' | 'length' | 'abort' | 'error';

/**
 * The engine's own figures, reported next to ours, as the engine states them (what each spans is in
 * src/metrics/turn.ts, which compares them with ours like with like).
 */
export interface EngineStats {
  promptTokens: number | null;
  /** Every token the engine sampled, including an end-of-turn token that shows no text. */
  completionTokens: number | null;
  prefillTokensPerS: number | null;
  decodeTokensPerS: number | null;
  /**
   * The engine's time to its first token: llama.cpp's prompt_ms (prompt processing start → first token
   * sampled, after template and tokenization); web-llm's time_to_first_token_s (tokenization, prefill and
   * the first sample).
   */
  timeToFirstTokenMs: number | null;
  /** llama.cpp only: predicted_ms, first sampled token → last sampled token (predicted_n − 1 steps). */
  decodeMs?: number | null;
}

/**
 * Worker timestamps (epoch ms) of the steps before the first token, where the runtime shows them.
 * Absent on turns saved before these were recorded.
 */
export interface PromptMarks {
  /** The request was handed to the runtime (our own set-up done). */
  handedAt: number;
  /**
   * The runtime began processing the prompt, its chat template applied and the text tokenized: llama.cpp's
   * first prompt-progress report. Null where the runtime does not say (web-llm).
   */
  promptStartedAt: number | null;
  /** The runtime reported the whole prompt processed (llama.cpp's last prompt-progress report). */
  promptDoneAt: number | null;
  /** The fixed cost of one call into the runtime's own worker (llama.cpp), where measured. */
  stepMs?: number | null;
}

export interface TokenEvent {
  text: string;
  /** Epoch milliseconds (performance.timeOrigin + now) taken in the worker when the token arrived. */
  t: number;
}

export interface SerializedError {
  name: string;
  message: string;
}

/** What a load needs beyond the (saved) spec: a remote server's API key, held in memory only. */
export interface LoadOptions {
  apiKey?: string | null;
}

/** What a remote turn adds to the engine's figures. */
export interface RemoteReport {
  /** The server refused the seed (400 naming it), so the reply was asked for again without one. */
  seedDropped: boolean;
}

export type WorkerRequest =
  | { type: 'load'; req: number; spec: ModelSpec; apiKey?: string | null }
  | { type: 'abort-load'; req: number }
  | { type: 'generate'; req: number; messages: ChatMessage[]; sampling: Sampling }
  | { type: 'interrupt'; req: number }
  | { type: 'reset'; req: number }
  | { type: 'unload'; req: number }
  | { type: 'ping'; req: number }
  | { type: 'meter-check'; req: number; sizes: number[]; destroy: number[] }
  | { type: 'bandwidth'; req: number; target: 'gpu' | 'cpu' };

/** Sent unprompted (req 0) when GPU memory changes, and every couple of seconds as a heartbeat. */
export interface MemorySample {
  t: number;
  gpuLiveBytes: number;
  gpuPeakBytes: number;
  gpuBuffers: number;
  /** The worker's own JS heap, where the browser exposes it (Chromium). */
  jsHeapBytes: number | null;
}

export interface MeterCheckResult {
  createdBytes: number[];
  destroyedBytes: number[];
  expectedLiveBytes: number;
  meterLiveBytes: number;
}

export interface BandwidthResult {
  bytesPerS: number;
  method: string;
  seconds: number;
}

export type WorkerEvent =
  | { type: 'progress'; req: number; progress: LoadProgress }
  | { type: 'loaded'; req: number; info: LoadedInfo }
  | { type: 'started'; req: number; t: number }
  | { type: 'tokens'; req: number; tokens: TokenEvent[] }
  | {
      type: 'done';
      req: number;
      finishReason: FinishReason;
      stats: EngineStats;
      t: number;
      marks?: PromptMarks;
      remote?: RemoteReport;
    }
  | { type: 'ok'; req: number }
  | { type: 'memory'; req: 0; sample: MemorySample }
  | { type: 'gpu-lost'; req: 0; reason: string; message: string }
  | { type: 'meter'; req: number; result: MeterCheckResult }
  | { type: 'bandwidth'; req: number; result: BandwidthResult }
  | { type: 'error'; req: number; error: SerializedError };

export interface GenerateCallbacks {
  onToken: (tok: TokenEvent) => void;
}

export interface GenerateResult {
  finishReason: FinishReason;
  stats: EngineStats;
  marks?: PromptMarks;
  remote?: RemoteReport;
}

/** What a runtime adapter implements inside the worker. */
export interface Adapter {
  load(
    spec: ModelSpec,
    onProgress: (p: LoadProgress) => void,
    signal: AbortSignal,
    options?: LoadOptions,
  ): Promise<LoadedInfo>;
  generate(
    messages: ChatMessage[],
    sampling: Sampling,
    cb: GenerateCallbacks,
    signal: AbortSignal,
  ): Promise<GenerateResult>;
  reset(): Promise<void>;
  unload(): Promise<void>;
}

export const emptyStats: EngineStats = {
  promptTokens: null,
  completionTokens: null,
  prefillTokensPerS: null,
  decodeTokensPerS: null,
  timeToFirstTokenMs: null,
};

export function serializeError(e: unknown): SerializedError {
  if (e instanceof Error) return { name: e.name || 'Error', message: e.message };
  if (typeof e === 'string') {
    const m = /^([A-Za-z]+(?:Error|Exception)):\s*([\s\S]*)$/.exec(e);
    return m ? { name: m[1] ?? 'Error', message: m[2] ?? e } : { name: 'Error', message: e };
  }
  return { name: 'Error', message: String(e) };
}

export function now(): number {
  return performance.timeOrigin + performance.now();
}
