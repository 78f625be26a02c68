/**
 * A web-llm model's weight manifest (`tensor-cache.json`) and the URLs web-llm derives from it.
 * The URLs must be exactly web-llm's: its Cache Storage keys are `new URL(dataPath, base).href`, compared
 * as strings (`ArtifactCache.hasAllKeys`), so one differing character means a second download.
 */
import { httpError, namedError } from './errors';

export const TENSOR_CACHE_FILE = 'tensor-cache.json';

export interface ShardRecord {
  /** Path relative to the model base URL, e.g. `params_shard_0.bin`. */
  dataPath: string;
  /** Size of the shard file in bytes. */
  nbytes: number;
}

export interface TensorCacheManifest {
  records: ShardRecord[];
}

/**
 * The model base URL as web-llm 0.2.86 computes it (`cleanModelUrl`): a trailing slash, then
 * `resolve/main/` unless the URL already has a `…/resolve/<something>/` part, then `new URL().href`.
 * Like web-llm, a relative URL is rejected.
 */
export function modelBaseUrl(modelUrl: string): string {
  let u = modelUrl.endsWith('/') ? modelUrl : modelUrl + '/';
  if (!/.+\/resolve\/.+\//.test(u)) u += 'resolve/main/';
  try {
    return new URL(u).href;
  } catch {
    throw namedError('TypeError', `Not an absolute model URL: ${modelUrl}`);
  }
}

export function manifestUrl(base: string): string {
  return new URL(TENSOR_CACHE_FILE, base).href;
}

export function shardUrl(base: string, dataPath: string): string {
  return new URL(dataPath, base).href;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Validates the parts of `tensor-cache.json` a download needs; throws a `ManifestError` otherwise. */
export function parseTensorCache(json: unknown): TensorCacheManifest {
  const bad = (why: string): Error => namedError('ManifestError', `${TENSOR_CACHE_FILE}: ${why}`);
  if (!isRecord(json) || !Array.isArray(json.records)) throw bad('no "records" list');
  const seen = new Set<string>();
  const records = json.records.map((r: unknown, i): ShardRecord => {
    if (!isRecord(r)) throw bad(`record ${i} is not an object`);
    const { dataPath, nbytes } = r;
    if (typeof dataPath !== 'string' || dataPath === '') throw bad(`record ${i} has no dataPath`);
    if (typeof nbytes !== 'number' || !Number.isSafeInteger(nbytes) || nbytes < 0)
      throw bad(`record ${i} (${dataPath}) has no valid nbytes`);
    if (seen.has(dataPath)) throw bad(`${dataPath} is listed twice`);
    seen.add(dataPath);
    return { dataPath, nbytes };
  });
  return { records };
}

export function totalBytes(m: TensorCacheManifest): number {
  return m.records.reduce((sum, r) => sum + r.nbytes, 0);
}

export interface FetchedManifest {
  manifest: TensorCacheManifest;
  /** The exact bytes received, to store in the cache as web-llm would. */
  body: ArrayBuffer;
  contentType: string;
}

/** Fetches and parses `tensor-cache.json` under `base`. HTTP failures become named errors. */
export async function fetchManifest(
  base: string,
  fetchFn: typeof fetch,
  signal?: AbortSignal,
): Promise<FetchedManifest> {
  const url = manifestUrl(base);
  const res = await fetchFn(url, { signal });
  if (!res.ok) throw httpError(res.status, TENSOR_CACHE_FILE, url, res.headers.get('Retry-After'));
  const body = await res.arrayBuffer();
  return { manifest: decodeManifest(body), body, contentType: res.headers.get('Content-Type') ?? '' };
}

export function decodeManifest(body: ArrayBuffer): TensorCacheManifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch {
    throw namedError('ManifestError', `${TENSOR_CACHE_FILE} is not valid JSON`);
  }
  return parseTensorCache(json);
}
