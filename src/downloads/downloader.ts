/**
 * Downloads a web-llm model's weights into the Cache Storage entries web-llm itself reads (cache
 * "webllm/model", keyed by the URLs it derives), so a later load finds every shard and fetches none.
 * Shards already cached are skipped; at most `concurrency` are in flight; network errors, 408, 429 and
 * 5xx are retried with backoff; a shard is stored only once its whole body has arrived.
 */
import { classify, httpError, namedError } from './errors';
import {
  decodeManifest,
  fetchManifest,
  manifestUrl,
  modelBaseUrl,
  shardUrl,
  TENSOR_CACHE_FILE,
  totalBytes,
  type ShardRecord,
  type TensorCacheManifest,
} from './manifest';
import { createRateMeter, etaSeconds } from './rate';
import { abortableSleep, defaultBackoff, withRetry, type BackoffOptions, type RetryContext } from './retry';
import { isCached, store, streamIntoCache } from './store-io';

/** Where web-llm 0.2.86 keeps weights and tensor-cache.json (with appConfig.cacheBackend 'cache'). */
export const WEBLLM_MODEL_CACHE = 'webllm/model';

export type DownloadPhase = 'manifest' | 'checking' | 'downloading' | 'retrying' | 'done';

export interface DownloadProgress {
  phase: DownloadPhase;
  /** Bytes of the weights in the cache or on their way (shards cached before this run count too). */
  loaded: number;
  /** Sum of every shard's nbytes; 0 until the manifest is read. */
  total: number;
  shardsDone: number;
  shardsTotal: number;
  /** Network speed over the last few seconds; null until it can be told. */
  bytesPerS: number | null;
  /** Seconds left at that speed; null when unknown. */
  etaS: number | null;
}

export interface DownloadOptions {
  signal?: AbortSignal;
  onProgress?: (p: DownloadProgress) => void;
  /** Shards in flight at once (default 2). */
  concurrency?: number;
  backoff?: Partial<BackoffOptions>;
  cacheName?: string;
  fetch?: typeof fetch;
  caches?: CacheStorage;
  /** Milliseconds, monotonic. */
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
}

export interface DownloadResult {
  baseUrl: string;
  total: number;
  shardsTotal: number;
  /** Shards found in the cache, so not fetched. */
  shardsSkipped: number;
  /** Bytes that came over the network in this run. */
  bytesFetched: number;
}

const cancelled = (): Error => namedError('AbortError', 'The download was cancelled.');

/** The cached manifest when there is one (web-llm would use it as is), else a fetched and stored one. */
async function readManifest(cache: Cache, base: string, fetchFn: typeof fetch, rc: RetryContext) {
  const url = manifestUrl(base);
  const hit = await cache.match(url);
  if (hit) {
    try {
      return decodeManifest(await hit.arrayBuffer());
    } catch {
      await cache.delete(url); // unreadable: web-llm would fail on it too
    }
  }
  const got = await withRetry(TENSOR_CACHE_FILE, () => fetchManifest(base, fetchFn, rc.signal), rc);
  const type = got.contentType || 'application/json';
  await store(cache, url, got.body, type, TENSOR_CACHE_FILE);
  return got.manifest;
}

export async function downloadWeights(modelUrl: string, opts: DownloadOptions = {}): Promise<DownloadResult> {
  const fetchFn = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const now = opts.now ?? (() => performance.now());
  const signal = opts.signal ?? new AbortController().signal;
  const base = modelBaseUrl(modelUrl);
  const p: DownloadProgress = {
    phase: 'manifest',
    loaded: 0,
    total: 0,
    shardsDone: 0,
    shardsTotal: 0,
    bytesPerS: null,
    etaS: null,
  };
  let meter = createRateMeter(now());
  let started = now();
  let fetched = 0;
  let waiting = 0;
  const emit = (): void => {
    const t = now();
    // While running: the recent speed. Once done: the average over the whole transfer.
    p.bytesPerS =
      p.phase === 'done' ? (fetched > 0 ? (fetched * 1000) / Math.max(1, t - started) : null) : meter.rate(t);
    p.etaS = p.phase === 'done' ? 0 : etaSeconds(p.total - p.loaded, p.bytesPerS);
    const phase = waiting > 0 && p.phase === 'downloading' ? 'retrying' : p.phase;
    opts.onProgress?.({ ...p, phase });
  };
  const sleep = opts.sleep ?? abortableSleep;
  const rc: RetryContext = {
    opts: { ...defaultBackoff, ...opts.backoff },
    signal,
    random: opts.random ?? Math.random,
    sleep: async (ms, s) => {
      waiting++;
      emit();
      try {
        await sleep(ms, s);
      } finally {
        waiting--;
      }
    },
  };

  emit();
  const storage: CacheStorage | undefined = opts.caches ?? globalThis.caches;
  if (!storage) throw namedError('NotSupportedError', 'Cache Storage is unavailable (it needs https).');
  const cache = await storage.open(opts.cacheName ?? WEBLLM_MODEL_CACHE);
  const manifest: TensorCacheManifest = await readManifest(cache, base, fetchFn, rc);
  Object.assign(p, { phase: 'checking', total: totalBytes(manifest), shardsTotal: manifest.records.length });
  emit();
  const keys = new Set((await cache.keys()).map((r) => r.url));
  const missing: ShardRecord[] = [];
  for (const r of manifest.records) {
    if (await isCached(cache, keys, shardUrl(base, r.dataPath), r.nbytes)) {
      p.loaded += r.nbytes;
      p.shardsDone++;
    } else missing.push(r);
  }
  const skipped = p.shardsDone;
  started = now();
  meter = createRateMeter(started); // speed counts network bytes from here on
  p.phase = 'downloading';
  emit();

  const fetchOne = async (r: ShardRecord): Promise<void> => {
    const url = shardUrl(base, r.dataPath);
    let partial = 0;
    const forget = (): void => {
      p.loaded -= partial; // a failed attempt's bytes no longer count
      partial = 0;
    };
    const attempt = async (): Promise<void> => {
      forget();
      const res = await fetchFn(url, { signal });
      if (!res.ok) throw httpError(res.status, r.dataPath, url, res.headers.get('Retry-After'));
      await streamIntoCache(cache, url, res, r, (n) => {
        partial += n;
        p.loaded += n;
        meter.add(n, now());
        emit();
      });
    };
    try {
      await withRetry(r.dataPath, attempt, rc);
    } catch (e) {
      forget();
      throw e;
    }
    fetched += r.nbytes;
    p.shardsDone++;
    emit();
  };

  let next = 0;
  const failures: Error[] = [];
  const lane = async (): Promise<void> => {
    for (let r = missing[next]; failures.length === 0 && !signal.aborted && r; r = missing[next]) {
      next++;
      // After a failure no new shard starts; those in flight finish (and are kept) before it is
      // reported, so nothing is left downloading behind the user's back.
      await fetchOne(r).catch((e: unknown) => void failures.push(classify(e, r.dataPath)));
    }
  };
  const lanes = Math.max(1, Math.min(opts.concurrency ?? 2, missing.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  if (failures[0]) throw failures[0]; // the first; later ones are often its consequences
  if (signal.aborted) throw cancelled();

  p.phase = 'done';
  emit();
  return {
    baseUrl: base,
    total: p.total,
    shardsTotal: p.shardsTotal,
    shardsSkipped: skipped,
    bytesFetched: fetched,
  };
}
