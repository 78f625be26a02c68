/**
 * The one streaming loop both adapters use: it marks when the request is handed to the runtime,
 * timestamps every chunk in the worker as it arrives (the clock every figure is measured with), passes
 * text on as tokens and collects the engine's own figures. An adapter supplies only how to start the
 * stream and how to read one chunk (and may add marks of its own: llamacpp/steps.ts).
 */
import {
  emptyStats,
  now,
  type EngineStats,
  type FinishReason,
  type GenerateCallbacks,
  type GenerateResult,
  type PromptMarks,
} from './types';

/** What one chunk of a runtime's stream says, in the app's terms. */
export interface ChunkReading {
  /** Text of the token(s) in this chunk; empty or absent for chunks that carry none. */
  text?: string | null;
  /** How the reply ended, on the chunk that says so. */
  finishReason?: FinishReason | null;
  /** The engine's figures this chunk reports (later chunks win). */
  stats?: Partial<EngineStats>;
}

export interface StreamSource<C> {
  /** Starts the runtime's stream (its request is sent once this is called). */
  start: () => Promise<AsyncIterable<C>>;
  read: (chunk: C) => ChunkReading;
}

export async function streamReply<C>(
  source: StreamSource<C>,
  cb: GenerateCallbacks,
  signal: AbortSignal,
): Promise<GenerateResult & { marks: PromptMarks }> {
  const stats: EngineStats = { ...emptyStats };
  const marks: PromptMarks = { handedAt: now(), promptStartedAt: null, promptDoneAt: null };
  let finishReason: FinishReason = 'stop';
  try {
    const stream = await source.start();
    for await (const chunk of stream) {
      const t = now();
      const r = source.read(chunk);
      if (r.text) cb.onToken({ text: r.text, t });
      if (r.finishReason) finishReason = r.finishReason;
      if (r.stats) Object.assign(stats, r.stats);
      if (signal.aborted) break;
    }
  } catch (e) {
    // A runtime may end an aborted stream by throwing (wllama) rather than finishing it (web-llm).
    if (!signal.aborted) throw e;
  }
  return { finishReason: signal.aborted ? 'abort' : finishReason, stats, marks };
}
