/**
 * Main-thread proxy for one engine worker: typed calls in, typed events out. Every pending call is
 * rejected (never left hanging) when the worker dies or is terminated.
 */
import type {
  BandwidthResult,
  MemorySample,
  MeterCheckResult,
  ChatMessage,
  EngineStats,
  FinishReason,
  LoadedInfo,
  LoadOptions,
  LoadProgress,
  ModelSpec,
  PromptMarks,
  RemoteReport,
  Sampling,
  SerializedError,
  TokenEvent,
  WorkerEvent,
  WorkerRequest,
} from './types';

export class EngineError extends Error {
  constructor(
    readonly detail: SerializedError,
    readonly fatal = false,
  ) {
    super(detail.message);
    this.name = detail.name;
  }
}

interface Pending {
  resolve: (e: WorkerEvent) => void;
  reject: (e: EngineError) => void;
  onEvent?: (e: WorkerEvent) => void;
}

export interface GenerateOutcome {
  finishReason: FinishReason;
  stats: EngineStats;
  startedAt: number;
  endedAt: number;
  marks?: PromptMarks;
  remote?: RemoteReport;
}

/** Distributive Omit, so each request variant keeps its own fields. */
type RequestBody = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'req'> : never) : never;

/** The worker sends a heartbeat every 2 s; this long without any message means it is gone or stuck. */
export const WATCHDOG_MS = 10_000;

export class EngineClient {
  private worker: Worker;
  private seq = 0;
  private pending = new Map<number, Pending>();
  private dead = false;
  private lastHeard = Date.now();
  private watchdog: ReturnType<typeof setInterval>;
  onMemory: ((s: MemorySample) => void) | null = null;
  onGpuLost: ((info: { reason: string; message: string }) => void) | null = null;

  constructor(private readonly onDeath?: (e: EngineError) => void) {
    this.watchdog = setInterval(() => {
      if (Date.now() - this.lastHeard > WATCHDOG_MS)
        this.fail({
          name: 'WorkerCrashedError',
          message: `The engine worker stopped answering (no word for ${WATCHDOG_MS / 1000} s).`,
        });
    }, 1000);
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), {
      type: 'module',
      name: 'tandem-engine',
    });
    this.worker.onmessage = (ev: MessageEvent<WorkerEvent>) => this.receive(ev.data);
    this.worker.onerror = (ev) => {
      ev.preventDefault();
      this.fail({
        name: 'WorkerCrashedError',
        message: ev.message || 'The engine worker stopped unexpectedly.',
      });
    };
    this.worker.onmessageerror = () =>
      this.fail({
        name: 'WorkerCrashedError',
        message: 'The engine worker sent a message that could not be read.',
      });
  }

  /** For tests and the watchdog: the worker is gone, fail everything now. */
  fail(detail: SerializedError, notify = true): void {
    if (this.dead) return;
    this.dead = true;
    clearInterval(this.watchdog);
    this.worker.terminate();
    const err = new EngineError(detail, true);
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    if (notify) this.onDeath?.(err);
  }

  get alive(): boolean {
    return !this.dead;
  }

  private receive(e: WorkerEvent): void {
    this.lastHeard = Date.now();
    if (e.type === 'memory') {
      this.onMemory?.(e.sample);
      return;
    }
    if (e.type === 'gpu-lost') {
      this.onGpuLost?.({ reason: e.reason, message: e.message });
      return;
    }
    const p = this.pending.get(e.req);
    if (!p) return;
    if (e.type === 'error') {
      this.pending.delete(e.req);
      p.reject(new EngineError(e.error));
    } else if (e.type === 'progress' || e.type === 'tokens' || e.type === 'started') {
      p.onEvent?.(e);
    } else {
      this.pending.delete(e.req);
      p.resolve(e);
    }
  }

  private call(body: RequestBody, onEvent?: (e: WorkerEvent) => void): Promise<WorkerEvent> {
    if (this.dead)
      return Promise.reject(
        new EngineError({ name: 'WorkerCrashedError', message: 'The engine worker is gone.' }, true),
      );
    const req = ++this.seq;
    return new Promise<WorkerEvent>((resolve, reject) => {
      this.pending.set(req, { resolve, reject, onEvent });
      const msg: WorkerRequest = { ...body, req };
      this.worker.postMessage(msg);
    });
  }

  /** options.apiKey goes to the worker in this message only (never in the spec, which is saved). */
  async load(
    spec: ModelSpec,
    onProgress: (p: LoadProgress) => void,
    options: LoadOptions = {},
  ): Promise<LoadedInfo> {
    const e = await this.call({ type: 'load', spec, apiKey: options.apiKey ?? null }, (ev) => {
      if (ev.type === 'progress') onProgress(ev.progress);
    });
    if (e.type !== 'loaded')
      throw new EngineError({ name: 'ProtocolError', message: `unexpected ${e.type}` });
    return e.info;
  }

  /** onStarted gets the worker's timestamp of the request start, the origin of every figure of the turn. */
  async generate(
    messages: ChatMessage[],
    sampling: Sampling,
    onTokens: (tokens: TokenEvent[]) => void,
    onStarted?: (t: number) => void,
  ): Promise<GenerateOutcome> {
    let startedAt = Date.now();
    const e = await this.call({ type: 'generate', messages, sampling }, (ev) => {
      if (ev.type === 'tokens') onTokens(ev.tokens);
      if (ev.type === 'started') {
        startedAt = ev.t;
        onStarted?.(ev.t);
      }
    });
    if (e.type !== 'done') throw new EngineError({ name: 'ProtocolError', message: `unexpected ${e.type}` });
    return {
      finishReason: e.finishReason,
      stats: e.stats,
      startedAt,
      endedAt: e.t,
      ...(e.marks ? { marks: e.marks } : {}),
      ...(e.remote ? { remote: e.remote } : {}),
    };
  }

  async interrupt(): Promise<void> {
    await this.call({ type: 'interrupt' });
  }

  async abortLoad(): Promise<void> {
    await this.call({ type: 'abort-load' });
  }

  async reset(): Promise<void> {
    await this.call({ type: 'reset' });
  }

  async unload(): Promise<void> {
    await this.call({ type: 'unload' });
  }

  async checkGpuMeter(sizes: number[], destroy: number[]): Promise<MeterCheckResult> {
    const e = await this.call({ type: 'meter-check', sizes, destroy });
    if (e.type !== 'meter') throw new EngineError({ name: 'ProtocolError', message: `unexpected ${e.type}` });
    return e.result;
  }

  async bandwidth(target: 'gpu' | 'cpu'): Promise<BandwidthResult> {
    const e = await this.call({ type: 'bandwidth', target });
    if (e.type !== 'bandwidth')
      throw new EngineError({ name: 'ProtocolError', message: `unexpected ${e.type}` });
    return e.result;
  }

  terminate(): void {
    this.fail({ name: 'AbortError', message: 'The engine was shut down.' }, false);
  }
}
