// First: wrap WebGPU allocation before any runtime can create a device.
import { gpuMemory, onDeviceLost, onGpuMemory } from './gpu-accounting';
/**
 * Engine worker entry: one worker per pane. Routes typed requests to a runtime adapter that is imported
 * only when first needed, and takes a timestamp for every token here, next to the runtime.
 */
import { afterMs, batcher, type Batcher } from '../lib/batcher';
import {
  serializeError,
  now,
  type Adapter,
  type EngineKind,
  type TokenEvent,
  type WorkerEvent,
  type WorkerRequest,
} from './types';

let adapter: Adapter | null = null;

/** Memory samples: on change (at most 4 a second) and every 2 s as a heartbeat for the page's watchdog. */
function sendMemory(): void {
  const g = gpuMemory();
  const heap =
    (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null;
  post({
    type: 'memory',
    req: 0,
    sample: {
      t: now(),
      gpuLiveBytes: g.liveBytes,
      gpuPeakBytes: g.peakBytes,
      gpuBuffers: g.liveBuffers,
      jsHeapBytes: heap,
    },
  });
}
let memTimer: ReturnType<typeof setTimeout> | null = null;
onGpuMemory(() => {
  memTimer ??= setTimeout(() => {
    memTimer = null;
    sendMemory();
  }, 250);
});
setInterval(sendMemory, 2000);
onDeviceLost(({ reason, message }) => {
  genAbort?.abort();
  post({ type: 'gpu-lost', req: 0, reason, message });
});
let adapterKind: EngineKind | null = null;
let loadAbort: AbortController | null = null;
let genAbort: AbortController | null = null;

const post = (e: WorkerEvent): void => postMessage(e);

async function adapterFor(kind: EngineKind): Promise<Adapter> {
  if (adapter && adapterKind === kind) return adapter;
  await adapter?.unload();
  adapter =
    kind === 'webllm'
      ? (await import('./webllm/adapter')).createWebLlmAdapter()
      : kind === 'remote'
        ? (await import('./remote/adapter')).createRemoteAdapter()
        : (await import('./llamacpp/adapter')).createLlamaCppAdapter();
  adapterKind = kind;
  return adapter;
}

/**
 * Tokens go to the page in batches, at most one message every 16 ms (each token keeps the timestamp it
 * got here), so a fast model does not wake the page's main thread hundreds of times a second.
 */
export const TOKEN_BATCH_MS = 16;

const tokenBatcher = (req: number): Batcher<TokenEvent> =>
  batcher((tokens) => post({ type: 'tokens', req, tokens }), afterMs(TOKEN_BATCH_MS));

/** A few tokens right after load: compiles shaders and fills caches so turn one is timed fairly. */
async function warmUp(a: Adapter, req: number, signal: AbortSignal): Promise<number> {
  post({
    type: 'progress',
    req,
    progress: { phase: 'warmup', loaded: null, total: null, fraction: 1, text: 'Warming up' },
  });
  const t0 = now();
  await a.generate(
    [{ role: 'user', content: 'Hi' }],
    { temperature: 0, top_p: 1, max_tokens: 4 },
    { onToken: () => undefined },
    signal,
  );
  await a.reset();
  return now() - t0;
}

async function handle(msg: WorkerRequest): Promise<void> {
  switch (msg.type) {
    case 'ping':
      return post({ type: 'ok', req: msg.req });
    case 'load': {
      loadAbort?.abort();
      const ctl = new AbortController();
      loadAbort = ctl;
      const a = await adapterFor(msg.spec.engine);
      await a.unload();
      const info = await a.load(
        msg.spec,
        (progress) => post({ type: 'progress', req: msg.req, progress }),
        ctl.signal,
        { apiKey: msg.apiKey ?? null },
      );
      // A server has no shaders to compile here, and a warm-up would send a prompt nobody wrote.
      if (msg.spec.engine !== 'remote') info.warmupMs = await warmUp(a, msg.req, ctl.signal);
      return post({ type: 'loaded', req: msg.req, info });
    }
    case 'abort-load':
      loadAbort?.abort();
      return post({ type: 'ok', req: msg.req });
    case 'generate': {
      if (!adapter) throw new Error('ModelNotLoadedError: load a model first');
      const ctl = new AbortController();
      genAbort = ctl;
      post({ type: 'started', req: msg.req, t: now() });
      const batch = tokenBatcher(msg.req);
      // Every token goes out before 'done' or the error, so no tail is lost.
      const result = await adapter
        .generate(msg.messages, msg.sampling, { onToken: (tok) => batch.push(tok) }, ctl.signal)
        .finally(batch.flush);
      return post({
        type: 'done',
        req: msg.req,
        finishReason: result.finishReason,
        stats: result.stats,
        t: now(),
        ...(result.marks ? { marks: result.marks } : {}),
        ...(result.remote ? { remote: result.remote } : {}),
      });
    }
    case 'interrupt':
      genAbort?.abort();
      return post({ type: 'ok', req: msg.req });
    case 'reset':
      await adapter?.reset();
      return post({ type: 'ok', req: msg.req });
    case 'meter-check': {
      const { checkGpuMeter } = await import('./probes');
      const result = await checkGpuMeter(msg.sizes, msg.destroy);
      sendMemory();
      return post({ type: 'meter', req: msg.req, result });
    }
    case 'bandwidth': {
      const probes = await import('./probes');
      const result = msg.target === 'gpu' ? await probes.gpuBandwidth() : probes.cpuBandwidth();
      return post({ type: 'bandwidth', req: msg.req, result });
    }
    case 'unload':
      loadAbort?.abort();
      genAbort?.abort();
      await adapter?.unload();
      return post({ type: 'ok', req: msg.req });
  }
}

self.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const msg = ev.data;
  handle(msg).catch((e: unknown) => post({ type: 'error', req: msg.req, error: serializeError(e) }));
};
