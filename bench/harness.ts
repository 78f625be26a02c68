/**
 * The bench's "no UI attached" page: the same engine worker as the app (through the same EngineClient),
 * with no React, no store, no persistence and nothing rendered while tokens stream. Token times are
 * collected exactly as the app gets them: the worker's own timestamps.
 */
// First, as in the app (src/main.tsx): the page's CSP requires Trusted Types, and the engine worker's URL
// goes through this policy.
import '../src/security/trusted-types';
import { EngineClient } from '../src/engine/client';
import type { ChatMessage, LoadedInfo, ModelSpec, Sampling, TokenEvent } from '../src/engine/types';
import type { EnvironmentInfo, HarnessApi, HarnessTurn } from './harness-api';

let clients: EngineClient[] = [];
let infos: LoadedInfo[] = [];
let loadedSpec = '';

async function adapterInfo(): Promise<EnvironmentInfo['adapter']> {
  if (!('gpu' in navigator)) return { error: 'no WebGPU (navigator.gpu missing)' };
  try {
    const adapter = await navigator.gpu.requestAdapter();
    if (!adapter) return { error: 'no WebGPU adapter' };
    const { vendor, architecture, device, description } = adapter.info;
    return { vendor, architecture, device, description };
  } catch (e) {
    return { error: String(e) };
  }
}

async function runOne(
  client: EngineClient,
  messages: ChatMessage[],
  sampling: Sampling,
): Promise<HarnessTurn> {
  const tokenTimes: number[] = [];
  const texts: string[] = [];
  const out = await client.generate(messages, sampling, (tokens: TokenEvent[]) => {
    for (const t of tokens) {
      tokenTimes.push(t.t);
      texts.push(t.text);
    }
  });
  return {
    finishReason: out.finishReason,
    startedAt: out.startedAt,
    endedAt: out.endedAt,
    tokenTimes,
    text: texts.join(''),
    promptTokens: out.stats.promptTokens,
  };
}

const api: HarnessApi = {
  async environment() {
    return {
      userAgent: navigator.userAgent,
      hardwareConcurrency: navigator.hardwareConcurrency,
      crossOriginIsolated: self.crossOriginIsolated,
      adapter: await adapterInfo(),
    };
  },
  async load(count: number, spec: ModelSpec) {
    // Like the app's panes: workers already loaded stay as they are; new ones load one after the other.
    // Another model replaces them all.
    if (JSON.stringify(spec) !== loadedSpec) api.shutdown();
    loadedSpec = JSON.stringify(spec);
    while (clients.length < count) {
      const c = new EngineClient();
      clients.push(c);
      infos.push(await c.load(spec, () => undefined));
    }
    return infos.slice(0, count);
  },
  run(messages: ChatMessage[], sampling: Sampling) {
    return Promise.all(clients.map((c) => runOne(c, messages, sampling)));
  },
  async interrupt() {
    await Promise.all(clients.map((c) => c.interrupt()));
  },
  shutdown() {
    for (const c of clients) c.terminate();
    clients = [];
    infos = [];
    loadedSpec = '';
  },
};

window.tandemBench = api;
