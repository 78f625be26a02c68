/**
 * Downloads a web-llm model's weights into the Cache Storage entries web-llm itself reads (cache
 * "webllm/model", keyed by the URLs it derives), so a later load finds every shard and fetches none.
 * Shards already cached (at their exact, measured size) are skipped; at most `concurrency` are in flight;
 * network errors, 408, 429 and 5xx are retried with backoff; a shard is stored only once all of it has
 * arrived and matched the SHA-256 Hugging Face publishes for it (by size only where none is published).
 */
import { MODEL_CACHE, TENSOR_CACHE_FILE } from '../webllm-cache/names';
import { fetchPublished, type Published } from '../webllm-cache/published';
import { manifestUrl, modelBaseUrl } from '../webllm-cache/urls';
import { checkCachedShards, type PendingShard } from './cache-check';
import { classify, namedError } from './errors';
import { readManifest } from './manifest';
import type { FileOutcome } from './outcome';
import { createRateMeter, etaSeconds } from './rate';
import { abortableSleep, defaultBackoff, type BackoffOptions, type RetryContext } from './retry';
import { fetchShard } from './shard-fetch';

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
  /** Whether shards are checked against published SHA-256 hashes; null until known. */
  hashes: Published['state'] | null;
}

export interface DownloadOptions {
  signal?: AbortSignal;
  onProgress?: (p: DownloadProgress) => void;
  /** Shards in flight at once (default 2). */
  concurrency?: number;
  backoff?: Partial<BackoffOptions>;
  fetch?: typeof fetch;
  caches?: CacheStorage;
  /** Check every cached shard's bytes (and hash), not only its size; Repair does. */
  checkCached?: boolean;
  /**
   * Filled in as the download goes — the manifest, then every shard: what the cache held, what was
   * fetched and how it was checked — so a caller still has it when the download fails.
   */
  report?: FileOutcome[];
  /** Published sizes and hashes, when the caller has them already; else they are asked for. */
  published?: Published;
  /** The page's origin: its own server may publish hashes too (see `treeListingFor`). */
  pageOrigin?: string | null;
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
  /** Whether published hashes were there to check against. */
  hashes: Published['state'];
  /** The manifest and every shard: what the cache held, and what was fetched and how it was checked. */
  files: FileOutcome[];
}

const cancelled = (): Error => namedError('AbortError', 'The download was cancelled.');

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
    hashes: null,
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
  const cache = await storage.open(MODEL_CACHE);
  const pageOrigin = opts.pageOrigin !== undefined ? opts.pageOrigin : (globalThis.location?.origin ?? null);
  const published = opts.published ?? (await fetchPublished(base, fetchFn, { signal, pageOrigin }));
  p.hashes = published.state;
  const checkCached = opts.checkCached ?? false;
  const files = opts.report ?? [];
  const manifestOutcome: FileOutcome = {
    name: TENSOR_CACHE_FILE,
    url: manifestUrl(base),
    found: 'missing',
    fetched: false,
    method: null,
  };
  files.push(manifestOutcome);
  const manifest = await readManifest(cache, base, fetchFn, rc, {
    published,
    checkCached,
    outcome: manifestOutcome,
  });
  Object.assign(p, { phase: 'checking', total: manifest.records.reduce((n, r) => n + r.nbytes, 0) });
  p.shardsTotal = manifest.records.length;
  emit();
  const checked = await checkCachedShards(cache, base, manifest, { published, checkCached }, (nbytes) => {
    p.loaded += nbytes;
    p.shardsDone++;
    emit();
  });
  files.push(...checked.files);
  const skipped = p.shardsDone;
  started = now();
  meter = createRateMeter(started); // speed counts network bytes from here on
  p.phase = 'downloading';
  emit();

  const fetchOne = async (s: PendingShard): Promise<void> => {
    let partial = 0;
    const forget = (): void => {
      p.loaded -= partial; // a failed attempt's bytes no longer count
      partial = 0;
    };
    try {
      s.outcome.method = await fetchShard({
        cache,
        url: s.outcome.url,
        expect: s.expect,
        fetchFn,
        rc,
        onAttempt: forget,
        onBytes: (n) => {
          partial += n;
          p.loaded += n;
          meter.add(n, now());
          emit();
        },
      });
    } catch (e) {
      forget();
      s.outcome.error = e instanceof Error ? e.message : String(e);
      throw e;
    }
    s.outcome.fetched = true;
    fetched += s.expect.size;
    p.shardsDone++;
    emit();
  };

  let next = 0;
  const failures: Error[] = [];
  const pending = checked.pending;
  const lane = async (): Promise<void> => {
    for (let s = pending[next]; failures.length === 0 && !signal.aborted && s; s = pending[next]) {
      next++;
      // After a failure no new shard starts; those in flight finish (and are kept) before it is
      // reported, so nothing is left downloading behind the user's back.
      await fetchOne(s).catch((e: unknown) => void failures.push(classify(e, s.expect.name)));
    }
  };
  const lanes = Math.max(1, Math.min(opts.concurrency ?? 2, pending.length));
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
    hashes: published.state,
    files,
  };
}
