/**
 * @mlc-ai/web-llm on WebGPU. Runs an in-thread MLCEngine inside our own worker (one worker per pane),
 * so errors are real Error objects here and cross to the page as {name, message}.
 */
import type { AppConfig, ChatCompletionChunk, MLCEngine, ModelRecord } from '@mlc-ai/web-llm';
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
import { readWebLlmChunk } from './chunk';
import { parseWebLlmProgress } from './progress';

export const WEBLLM_VERSION = __WEBLLM_VERSION__;

function appConfigFor(spec: ModelSpec, base: AppConfig): AppConfig {
  if (!spec.url) return base;
  if (!spec.modelLib) throw new Error('A custom MLC model needs its model library URL');
  const record: ModelRecord = { model: spec.url, model_id: spec.id, model_lib: spec.modelLib };
  return { ...base, model_list: [record, ...base.model_list.filter((m) => m.model_id !== spec.id)] };
}

export function createWebLlmAdapter(): Adapter {
  let engine: MLCEngine | null = null;
  let modelId: string | null = null;

  return {
    async load(
      spec: ModelSpec,
      onProgress: (p: LoadProgress) => void,
      signal: AbortSignal,
    ): Promise<LoadedInfo> {
      const webllm = await import('@mlc-ai/web-llm');
      const appConfig = appConfigFor(spec, webllm.prebuiltAppConfig);
      let gpuLabel = 'WebGPU';
      const e = new webllm.MLCEngine({
        appConfig,
        initProgressCallback: (r) => {
          const parsed = parseWebLlmProgress(r.text, r.progress);
          if (/^Finish loading on /.test(r.text)) gpuLabel = r.text.replace(/^Finish loading on /, '');
          onProgress(parsed);
        },
      });
      engine = e;
      const onAbort = (): void => void e.unload();
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        await e.reload(spec.id, spec.contextWindow ? { context_window_size: spec.contextWindow } : undefined);
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
      // reload() resolves normally when unload() aborted it: treat that as an abort, not a loaded model.
      if (signal.aborted) throw new DOMException('Load aborted', 'AbortError');
      modelId = spec.id;
      const record = appConfig.model_list.find((m) => m.model_id === spec.id);
      return {
        engine: 'webllm',
        runtimeVersion: `web-llm ${WEBLLM_VERSION}`,
        contextWindow: spec.contextWindow ?? record?.overrides?.context_window_size ?? null,
        detail: gpuLabel,
      };
    },

    async generate(
      messages: ChatMessage[],
      sampling: Sampling,
      cb: GenerateCallbacks,
      signal: AbortSignal,
    ): Promise<GenerateResult> {
      const e = engine;
      if (!e || !modelId) throw new Error('ModelNotLoadedError: no model is loaded');
      const onAbort = (): void => void e.interruptGenerate();
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        return await streamReply<ChatCompletionChunk>(
          {
            start: () =>
              e.chat.completions.create({
                messages,
                stream: true,
                stream_options: { include_usage: true },
                temperature: sampling.temperature,
                top_p: sampling.top_p,
                max_tokens: sampling.max_tokens,
                ...(sampling.seed !== undefined ? { seed: sampling.seed } : {}),
              }),
            read: readWebLlmChunk,
          },
          cb,
          signal,
        );
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    },

    async reset(): Promise<void> {
      await engine?.resetChat();
    },

    async unload(): Promise<void> {
      const e = engine;
      engine = null;
      modelId = null;
      await e?.unload();
    },
  };
}
