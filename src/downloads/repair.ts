/**
 * Repair: check every cached file of a web-llm model — the chat config, the model library, the tokenizer,
 * the weight manifest and every shard — by size, content and published hash where there is one; delete
 * only what is damaged; fetch again what is damaged or missing (weights through the downloader, the other
 * files the way web-llm fetches them: one GET each, stored under the same URL in the same cache).
 */
import { configProblem, jsonProblem, tokenizerFileOf, wasmProblem } from '../webllm-cache/checks';
import {
  CHAT_CONFIG_FILE,
  CONFIG_CACHE,
  MODEL_CACHE,
  WASM_CACHE,
  type WebLlmCacheName,
} from '../webllm-cache/names';
import { fetchPublished, type Published } from '../webllm-cache/published';
import { chatConfigUrl, fileName, fileUrl, libraryIsCached, modelBaseUrl } from '../webllm-cache/urls';
import { checkBytes, checkCached, expectationFor, type Expectation } from '../webllm-cache/verify';
import { downloadWeights, type DownloadOptions } from './downloader';
import { httpError, namedError, type NamedError } from './errors';
import type { FileOutcome } from './outcome';
import { abortableSleep, defaultBackoff, withRetry, type RetryContext } from './retry';

export interface RepairTarget {
  /** The model repository URL (as in the record); web-llm derives the base URL from it. */
  modelUrl: string;
  /** The model library URL, when known. */
  modelLib: string | null;
}

export interface RepairReport {
  /** Every file looked at: config, library, tokenizer, manifest, shards. */
  files: FileOutcome[];
  hashes: Published['state'];
  /** Why fetching the weights failed, when it did. */
  weightsError: NamedError | null;
}

export type RepairOptions = Pick<
  DownloadOptions,
  'fetch' | 'caches' | 'signal' | 'onProgress' | 'pageOrigin' | 'backoff' | 'sleep' | 'random'
>;

const decoded = (b: Uint8Array): string => new TextDecoder().decode(b);

/** Fetches one file as web-llm's `cache.add` would, checks it, and stores it only if it passes. */
async function refetch(cache: Cache, url: string, e: Expectation, fetchFn: typeof fetch, rc: RetryContext) {
  let integrityFailures = 0;
  return withRetry(
    e.name,
    async () => {
      const res = await fetchFn(url, { signal: rc.signal });
      if (!res.ok) throw httpError(res.status, e.name, url, res.headers.get('Retry-After'));
      const bytes = new Uint8Array(await res.arrayBuffer());
      const v = await checkBytes(bytes, e);
      if (v.state === 'ok') {
        await cache.put(url, new Response(bytes, { status: res.status, headers: res.headers }));
        return v.method;
      }
      const why = v.state === 'damaged' ? v.reason : e.name;
      throw namedError('IntegrityError', `${why} (after fetching it again)`, {
        retryable: ++integrityFailures < 2 && v.state === 'damaged' && v.failed === 'digest',
      });
    },
    rc,
  );
}

async function repairFile(
  storage: CacheStorage,
  name: WebLlmCacheName,
  url: string,
  known: Expectation,
  ctx: { published: Published; fetchFn: typeof fetch; rc: RetryContext },
): Promise<FileOutcome> {
  const cache = await storage.open(name);
  const e = expectationFor(url, known, ctx.published);
  const v = await checkCached(cache, url, e);
  const out: FileOutcome = { name: known.name, url, found: 'missing', fetched: false, method: null };
  if (v.state === 'ok') return { ...out, found: 'ok', method: v.method };
  if (v.state === 'damaged') {
    Object.assign(out, { found: 'damaged', reason: v.reason });
    await cache.delete(url);
  }
  try {
    out.method = await refetch(cache, url, e, ctx.fetchFn, ctx.rc);
    out.fetched = true;
  } catch (err) {
    out.error = err instanceof Error ? err.message : String(err);
    if (ctx.rc.signal.aborted) throw err;
  }
  return out;
}

export async function repairModelFiles(t: RepairTarget, opts: RepairOptions = {}): Promise<RepairReport> {
  const fetchFn = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const storage = opts.caches ?? globalThis.caches;
  const signal = opts.signal ?? new AbortController().signal;
  const base = modelBaseUrl(t.modelUrl);
  const pageOrigin = opts.pageOrigin !== undefined ? opts.pageOrigin : (globalThis.location?.origin ?? null);
  const published = await fetchPublished(base, fetchFn, { signal, pageOrigin });
  const rc: RetryContext = {
    opts: { ...defaultBackoff, ...opts.backoff },
    signal,
    random: opts.random ?? Math.random,
    sleep: opts.sleep ?? abortableSleep,
  };
  const ctx = { published, fetchFn, rc };
  const configUrl = chatConfigUrl(base);
  const config = await repairFile(
    storage,
    CONFIG_CACHE,
    configUrl,
    { name: CHAT_CONFIG_FILE, content: (b) => configProblem(decoded(b)) },
    ctx,
  );
  const library = async (): Promise<FileOutcome[]> => {
    const lib = t.modelLib;
    if (!lib || !libraryIsCached(lib)) return [];
    const content = (b: Uint8Array): string | null => wasmProblem(lib, b.subarray(0, 4));
    return [await repairFile(storage, WASM_CACHE, lib, { name: fileName(lib), content }, ctx)];
  };
  // The tokenizer the config names (known only once the config is intact).
  const tokenizer = async (): Promise<FileOutcome[]> => {
    const hit =
      config.method === null ? undefined : await (await storage.open(CONFIG_CACHE)).match(configUrl);
    const name = hit ? tokenizerFileOf(await hit.text()) : null;
    if (!name) return [];
    const content = name.endsWith('.json') ? (b: Uint8Array) => jsonProblem(name, decoded(b)) : undefined;
    return [await repairFile(storage, MODEL_CACHE, fileUrl(base, name), { name, content }, ctx)];
  };
  let weightsError: NamedError | null = null;
  const weightFiles: FileOutcome[] = [];
  const weights = async (): Promise<FileOutcome[]> => {
    try {
      const o = {
        ...opts,
        fetch: fetchFn,
        caches: storage,
        published,
        checkCached: true,
        report: weightFiles,
      };
      await downloadWeights(t.modelUrl, o);
    } catch (e) {
      if (signal.aborted) throw e;
      weightsError = e as NamedError;
    }
    return weightFiles;
  };
  // Independent of each other: a slow or failing one does not hold up the rest.
  const [lib, tok, w] = await Promise.all([library(), tokenizer(), weights()]);
  const files: FileOutcome[] = [config, ...lib, ...tok, ...w];
  return { files, hashes: published.state, weightsError };
}
