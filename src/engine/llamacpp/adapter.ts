/**
 * llama.cpp in WebAssembly (@wllama/wllama) for GGUF models: the engine for browsers without WebGPU,
 * and for any GGUF file given by URL. Loaded only inside the engine worker.
 */
import wasmUrl from '@wllama/wllama/esm/wasm/wllama.wasm?url';
import type { ChatCompletionChunk, Wllama } from '@wllama/wllama';
import { streamReply } from '../stream';
import {
  type Adapter,
  type ChatMessage,
  type GenerateCallbacks,
  type GenerateResult,
  type LoadedInfo,
  type LoadProgress,
  type ModelSpec,
  type Sampling,
} from '../types';
import { readLlamaCppChunk } from './chunk';
import { promptSteps, recordSteps } from './steps';

export function createLlamaCppAdapter(): Adapter {
  let wllama: Wllama | null = null;
  let steps: ReturnType<typeof recordSteps> | null = null;

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
          // The whole prompt in one batch, so the first step of a request processes all of it (steps.ts).
          n_batch: nCtx,
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
      steps = recordSteps(w);
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
      const w = wllama;
      if (!w) throw new Error('ModelNotLoadedError: no model is loaded');
      steps?.take();
      const result = await streamReply<ChatCompletionChunk>(
        {
          start: () =>
            w.createChatCompletion({
              messages,
              stream: true,
              abortSignal: signal,
              temperature: sampling.temperature,
              top_p: sampling.top_p,
              max_tokens: sampling.max_tokens,
              ...(sampling.seed !== undefined ? { seed: sampling.seed } : {}),
            }),
          read: readLlamaCppChunk,
        },
        cb,
        signal,
      );
      const taken = steps?.take() ?? [];
      return { ...result, marks: { ...result.marks, ...promptSteps(taken) } };
    },

    async reset(): Promise<void> {
      // Nothing to clear: each request sends the whole conversation, and llama.cpp's slot keeps only a
      // cache of the last prompt's tokens, which a different prompt simply does not reuse.
    },

    async unload(): Promise<void> {
      const w = wllama;
      wllama = null;
      await w?.exit();
    },
  };
}
