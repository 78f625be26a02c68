/**
 * A pane backed by an OpenAI-compatible server (vLLM, Ollama, llama.cpp's llama-server, LM Studio, hosted
 * APIs), run inside the pane's engine worker like the in-browser engines: the same streaming loop
 * (stream.ts) timestamps every chunk here as its bytes arrive, the same stop aborts the HTTP request (the
 * body is cancelled, which closes the connection), the same watchdog watches the worker. The API key lives
 * in this worker's memory only and is redacted from every error.
 */
import { checkRemoteUrl } from '../../security/remote-url';
import { streamReply } from '../stream';
import type {
  Adapter,
  ChatMessage,
  GenerateCallbacks,
  GenerateResult,
  LoadedInfo,
  LoadOptions,
  LoadProgress,
  ModelSpec,
  Sampling,
} from '../types';
import { parseChunk, readRemoteChunk } from './chunk';
import { bodyText, httpError, listModels, postChat, type RemoteTarget } from './http';
import { namedError, redact } from './redact';
import { readEventStream, type EventStream } from './sse';

/** Any failure, its message redacted (a server or a runtime may have echoed the key). */
function scrubbed(e: unknown, key: string | null): unknown {
  if (e instanceof Error) {
    const out = namedError(e.name, e.message, key);
    return out;
  }
  return typeof e === 'string' ? redact(e, key) : e;
}

function requestBody(t: RemoteTarget, messages: ChatMessage[], s: Sampling, withSeed: boolean): object {
  return {
    model: t.model,
    messages,
    stream: true,
    stream_options: { include_usage: true },
    temperature: s.temperature,
    top_p: s.top_p,
    max_tokens: s.max_tokens,
    ...(withSeed && s.seed !== undefined ? { seed: s.seed } : {}),
  };
}

/** Posts the request; a 400 that names the seed is asked again without it ("seed where the server takes it"). */
async function openStream(
  t: RemoteTarget,
  messages: ChatMessage[],
  s: Sampling,
  signal: AbortSignal,
): Promise<{ res: Response; seedDropped: boolean }> {
  let res = await postChat(t, requestBody(t, messages, s, true), signal);
  if (res.status === 400 && s.seed !== undefined && /seed/i.test(await bodyText(res.clone()))) {
    res = await postChat(t, requestBody(t, messages, s, false), signal);
    return { res, seedDropped: true };
  }
  return { res, seedDropped: false };
}

function eventStreamOf(t: RemoteTarget, res: Response): EventStream {
  const type = res.headers.get('Content-Type') ?? '';
  if (!/^text\/event-stream/i.test(type) || !res.body)
    throw namedError(
      'RemoteProtocolError',
      `The server at ${t.host} did not answer with an event stream (it sent ${type || 'no Content-Type'}), so it cannot stream this reply.`,
      t.apiKey,
    );
  return readEventStream(res.body);
}

export function createRemoteAdapter(): Adapter {
  let target: RemoteTarget | null = null;

  return {
    async load(
      spec: ModelSpec,
      onProgress: (p: LoadProgress) => void,
      signal: AbortSignal,
      options?: LoadOptions,
    ): Promise<LoadedInfo> {
      const key = options?.apiKey || null;
      const check = checkRemoteUrl(spec.url ?? '', self.location.href);
      if (!check.ok) throw namedError('RemoteRefusedError', check.message, key);
      const model = spec.serverModel?.trim();
      if (!model) throw namedError('RemoteRefusedError', 'Name the model to use on the server.', key);
      const t: RemoteTarget = { baseUrl: check.baseUrl, host: check.host, model, apiKey: key };
      onProgress({
        phase: 'connect',
        loaded: null,
        total: null,
        fraction: 0,
        text: `Connecting to ${t.host}`,
      });
      try {
        const listed = await listModels(t, signal);
        if (listed && !listed.ids.includes(model))
          throw namedError(
            'RemoteModelNotFoundError',
            `The server at ${t.host} does not list the model “${model}”. It lists: ${listed.ids.join(', ') || 'nothing'}.`,
            key,
          );
        target = t;
        return {
          engine: 'remote',
          runtimeVersion: `OpenAI-compatible server at ${t.host}`,
          contextWindow: listed?.contextWindows[model] ?? null,
          detail: listed
            ? `model ${model}${t.apiKey ? ', with an API key' : ''}`
            : `model ${model} (the server lists no models: it is checked on the first prompt)`,
        };
      } catch (e) {
        throw scrubbed(e, key);
      }
    },

    async generate(
      messages: ChatMessage[],
      sampling: Sampling,
      cb: GenerateCallbacks,
      signal: AbortSignal,
    ): Promise<GenerateResult> {
      const t = target;
      if (!t) throw new Error('ModelNotLoadedError: connect to the server first');
      let stream: EventStream | null = null;
      let finished = false;
      let seedDropped = false;
      try {
        const result = await streamReply<string>(
          {
            start: async () => {
              const opened = await openStream(t, messages, sampling, signal);
              seedDropped = opened.seedDropped;
              if (!opened.res.ok) throw await httpError(t, opened.res, 'chat');
              stream = eventStreamOf(t, opened.res);
              return stream.events;
            },
            read: (data) => {
              const r = readRemoteChunk(parseChunk(data));
              if (r.finishReason) finished = true;
              return r;
            },
          },
          cb,
          signal,
        );
        const ended = (stream as EventStream | null)?.done === true || finished;
        if (!signal.aborted && !ended)
          throw namedError(
            'RemoteStreamCutError',
            `The reply from ${t.host} stopped mid-way: the stream ended before the server said the reply was complete.`,
            t.apiKey,
          );
        // No prompt marks: the server's queue, prompt processing and the network are one span seen from here.
        return { finishReason: result.finishReason, stats: result.stats, remote: { seedDropped } };
      } catch (e) {
        // The body failed while it streamed (the connection dropped): the reply was cut.
        if (stream && e instanceof TypeError)
          throw namedError(
            'RemoteStreamCutError',
            `The reply from ${t.host} stopped mid-way: the connection closed (${e.message}).`,
            t.apiKey,
          );
        throw scrubbed(e, t.apiKey);
      }
    },

    async reset(): Promise<void> {
      // Nothing to clear: every request carries the whole conversation.
    },

    unload(): Promise<void> {
      target = null;
      return Promise.resolve();
    },
  };
}
