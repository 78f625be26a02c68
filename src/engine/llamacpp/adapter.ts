/**
 * llama.cpp in WebAssembly (@wllama/wllama) for GGUF models: the engine for browsers without WebGPU,
 * and for any GGUF file given by URL. Loaded only inside the engine worker.
 */
import wasmUrl from '@wllama/wllama/esm/wasm/wllama.wasm?url';
import type { Wllama } from '@wllama/wllama';
import {
  emptyStats,
  now,
  type Adapter,
  type ChatMessage,
  type FinishReason,
  type GenerateCallbacks,
  type GenerateResult,
  type LoadedInfo,
  type LoadProgress,
  type ModelSpec,
  type Sampling,
} from '../types';

export function createLlamaCppAdapter(): Adapter {
  let wllama: Wllama | null = null;

  return {
    async load(
      spec: ModelSpec,
      onProgress: (p: LoadProgress) => void,
      signal: AbortSignal,
    ): Promise<LoadedInfo> {
      if (!spec.url) throw new Error('A GGUF model needs a URL');
      const mod = await import('@wllama/wllama');
      const w = new mod.Wllama(
        { default: new URL(wasmUrl, self.location.href).href },
        { suppressNativeLog: true },
      );
      // Never fetch the compatibility build from a CDN: this app loads nothing it did not ship.
      w.setCompat(null);
      wllama = w;
      const nCtx = spec.contextWindow ?? 2048;
      // wllama starts its worker from a blob: URL; remember it so the page can attribute memory to this pane.
      const scopes: string[] = [];
      const createObjectURL = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (obj: Blob | MediaSource) => {
        const u = createObjectURL(obj);
        scopes.push(u);
        return u;
      };
      await w
        .loadModelFromUrl(spec.url, {
          n_ctx: nCtx,
          n_gpu_layers: 0,
          signal,
          progressCallback: ({ loaded, total }) => {
            onProgress({
              phase: 'fetch',
              loaded,
              total,
              fraction: total > 0 ? loaded / total : 0,
              text: 'Downloading GGUF',
            });
          },
        })
        .finally(() => {
          URL.createObjectURL = createObjectURL;
        });
      if (signal.aborted) throw new DOMException('Load aborted', 'AbortError');
      const info = w.getLoadedContextInfo();
      return {
        engine: 'llamacpp',
        runtimeVersion: `llama.cpp ${mod.Wllama.getLibllamaVersion()} (wllama)`,
        contextWindow: info.n_ctx,
        memoryScopes: scopes,
        detail: `${w.getNumThreads()} thread${w.getNumThreads() === 1 ? '' : 's'}${w.isMultithread() ? '' : ' (single-thread build)'}`,
      };
    },

    async generate(
      messages: ChatMessage[],
      sampling: Sampling,
      cb: GenerateCallbacks,
      signal: AbortSignal,
    ): Promise<GenerateResult> {
      if (!wllama) throw new Error('ModelNotLoadedError: no model is loaded');
      const stream = await wllama.createChatCompletion({
        messages,
        stream: true,
        abortSignal: signal,
        temperature: sampling.temperature,
        top_p: sampling.top_p,
        max_tokens: sampling.max_tokens,
        ...(sampling.seed !== undefined ? { seed: sampling.seed } : {}),
      });
      let finishReason: FinishReason = 'stop';
      const stats = { ...emptyStats };
      try {
        for await (const chunk of stream) {
          const choice = chunk.choices[0];
          const text = choice?.delta.content;
          if (text) cb.onToken({ text, t: now() });
          if (choice?.finish_reason === 'length') finishReason = 'length';
          if (chunk.usage) {
            stats.promptTokens = chunk.usage.prompt_tokens;
            stats.completionTokens = chunk.usage.completion_tokens;
          }
          if (chunk.timings) {
            // llama.cpp's own timings: prefill over prompt_ms, decode over predicted_ms.
            stats.promptTokens ??= chunk.timings.prompt_n;
            stats.completionTokens ??= chunk.timings.predicted_n;
            stats.prefillTokensPerS = chunk.timings.prompt_per_second;
            stats.decodeTokensPerS = chunk.timings.predicted_per_second;
            stats.timeToFirstTokenMs = chunk.timings.prompt_ms;
          }
        }
      } catch (e) {
        if (signal.aborted) return { finishReason: 'abort', stats };
        throw e;
      }
      return { finishReason: signal.aborted ? 'abort' : finishReason, stats };
    },

    async reset(): Promise<void> {
      // llama-server keeps no conversation state between requests beyond its prompt cache.
    },

    async unload(): Promise<void> {
      const w = wllama;
      wllama = null;
      await w?.exit();
    },
  };
}
