/**
 * The one reader of a web-llm weight manifest (`tensor-cache.json`): `{ records: [{ dataPath, nbytes, … }] }`.
 * Used by the downloader (what to fetch, how many bytes each shard must have), the storage panel (is the
 * model complete) and Repair (what to check). It never throws: a bad manifest is a reason, in words.
 *
 * The rules, strictest of what web-llm and a download need:
 * - `records` is a list of objects;
 * - each `dataPath` is a non-empty path relative to the model's base that stays under it (web-llm would
 *   follow an absolute URL or `../` to another place; this app refuses to);
 * - each `nbytes` is a whole number of bytes, 0 or more (a shard whose size is not known cannot be checked,
 *   so it could never count as complete);
 * - no `dataPath` is listed twice.
 */
import { TENSOR_CACHE_FILE } from './names';

export interface ShardRecord {
  /** Path relative to the model base URL, e.g. `params_shard_0.bin`. */
  dataPath: string;
  /** Size of the shard file in bytes. */
  nbytes: number;
}

export interface TensorCacheManifest {
  records: ShardRecord[];
}

export type ManifestResult = { ok: true; manifest: TensorCacheManifest } | { ok: false; reason: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A path that resolves under any base it is joined to: no scheme, no leading slash, no `.` or `..` segment
 * (the URL parser also reads `%2e` as a dot and drops tabs and newlines), no backslash, query or fragment.
 */
export function isContainedPath(p: string): boolean {
  let control = false;
  for (let i = 0; i < p.length; i++) control ||= p.charCodeAt(i) < 0x20 || p.charCodeAt(i) === 0x7f;
  if (p === '' || control || /^[a-z][a-z0-9+.-]*:/i.test(p) || p.startsWith('/') || /[?#\\]/.test(p))
    return false;
  return p.split('/').every((seg) => seg !== '' && !/^(?:\.|%2e){1,2}$/i.test(seg));
}

export function parseTensorCache(json: unknown): ManifestResult {
  const bad = (why: string): ManifestResult => ({ ok: false, reason: `${TENSOR_CACHE_FILE}: ${why}` });
  if (!isRecord(json) || !Array.isArray(json.records)) return bad('no "records" list');
  const seen = new Set<string>();
  const records: ShardRecord[] = [];
  for (const [i, r] of (json.records as unknown[]).entries()) {
    if (!isRecord(r)) return bad(`record ${i} is not an object`);
    const { dataPath, nbytes } = r;
    if (typeof dataPath !== 'string' || dataPath === '') return bad(`record ${i} has no dataPath`);
    if (!isContainedPath(dataPath)) return bad(`record ${i} points outside the model (${dataPath})`);
    if (typeof nbytes !== 'number' || !Number.isSafeInteger(nbytes) || nbytes < 0)
      return bad(`record ${i} (${dataPath}) has no valid nbytes`);
    if (seen.has(dataPath)) return bad(`${dataPath} is listed twice`);
    seen.add(dataPath);
    records.push({ dataPath, nbytes });
  }
  return { ok: true, manifest: { records } };
}

/** The manifest from its bytes or text, as stored or received. */
export function decodeManifest(body: ArrayBuffer | Uint8Array | string): ManifestResult {
  let json: unknown;
  try {
    json = JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body));
  } catch {
    return { ok: false, reason: `${TENSOR_CACHE_FILE} is not valid JSON` };
  }
  return parseTensorCache(json);
}

export function totalBytes(m: TensorCacheManifest): number {
  return m.records.reduce((sum, r) => sum + r.nbytes, 0);
}
