/**
 * What the bench harness page exposes on `window.tandemBench`: the app's own engine workers, driven
 * directly (no React, no store, no rendering), so the bench can time the engine with no UI attached.
 */
import type { ChatMessage, FinishReason, LoadedInfo, ModelSpec, Sampling } from '../src/engine/types';

export interface HarnessTurn {
  finishReason: FinishReason;
  /** Epoch ms, taken in the worker. */
  startedAt: number;
  endedAt: number;
  /** Epoch ms of every token, taken in the worker. */
  tokenTimes: number[];
  text: string;
  promptTokens: number | null;
}

export interface EnvironmentInfo {
  userAgent: string;
  hardwareConcurrency: number;
  crossOriginIsolated: boolean;
  /** GPUAdapterInfo fields, or why there is none. */
  adapter: { vendor: string; architecture: string; device: string; description: string } | { error: string };
}

export interface HarnessApi {
  environment(): Promise<EnvironmentInfo>;
  /**
   * Makes sure `count` engine workers (one per pane) have the model loaded: workers already loaded are kept
   * (as the app keeps pane A's when pane B loads), new ones load one after the other.
   */
  load(count: number, spec: ModelSpec): Promise<LoadedInfo[]>;
  /** Sends the same conversation to every loaded worker at once and waits for all replies. */
  run(messages: ChatMessage[], sampling: Sampling): Promise<HarnessTurn[]>;
  /** Asks every worker to stop the reply it is streaming (the app's Stop); run() then resolves. */
  interrupt(): Promise<void>;
  /** Stops every worker. */
  shutdown(): void;
}

declare global {
  interface Window {
    tandemBench?: HarnessApi;
  }
}
