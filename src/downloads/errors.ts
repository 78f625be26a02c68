/**
 * Download failures with names a caller can switch on, which of them are worth retrying, and what to
 * tell the user about each. Pure: no I/O.
 */

export type DownloadErrorName =
  | 'NotFoundError'
  | 'QuotaExceededError'
  | 'HttpError'
  | 'NetworkError'
  | 'IncompleteShardError'
  | 'IntegrityError'
  | 'ManifestError'
  | 'AbortError'
  | 'NotSupportedError'
  | 'TypeError';

export interface NamedError extends Error {
  /** HTTP status, when the server answered. */
  status?: number;
  /** Server's Retry-After, in ms, when it sent one. */
  retryAfterMs?: number;
  /** Whether trying again later may succeed. */
  retryable: boolean;
}

export function namedError(
  name: DownloadErrorName,
  message: string,
  extra: Partial<Pick<NamedError, 'status' | 'retryAfterMs' | 'retryable'>> = {},
): NamedError {
  const e = new Error(message) as NamedError;
  e.name = name;
  e.retryable = extra.retryable ?? false;
  if (extra.status !== undefined) e.status = extra.status;
  if (extra.retryAfterMs !== undefined) e.retryAfterMs = extra.retryAfterMs;
  return e;
}

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : null;
}

/** 408, 429 and 5xx may pass on their own; 404 and other 4xx will not. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

export function httpError(status: number, what: string, url: string, retryAfter: string | null): NamedError {
  if (status === 404 || status === 410)
    return namedError('NotFoundError', `${what} was not found (HTTP ${status}) at ${url}`, { status });
  const retryAfterMs = parseRetryAfter(retryAfter, Date.now()) ?? undefined;
  return namedError('HttpError', `${what}: the server answered HTTP ${status} (${url})`, {
    status,
    retryable: isRetryableStatus(status),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}

function nameOf(e: unknown): string {
  return typeof e === 'object' && e !== null && 'name' in e && typeof e.name === 'string' ? e.name : '';
}

export function isAbort(e: unknown): boolean {
  return nameOf(e) === 'AbortError';
}

/**
 * Anything thrown while fetching or storing one file, as a NamedError. `fetch` rejects with a TypeError
 * for network failures (and a body read fails the same way when the connection drops mid-transfer);
 * Cache Storage rejects with a DOMException named QuotaExceededError when storage is full.
 */
export function classify(e: unknown, what: string): NamedError {
  if (typeof e === 'object' && e !== null && 'retryable' in e) return e as NamedError;
  const name = nameOf(e);
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'AbortError') return namedError('AbortError', 'The download was cancelled.');
  if (name === 'QuotaExceededError')
    return namedError('QuotaExceededError', `No storage space left for ${what} (${message})`);
  if (name === 'TypeError' || name === 'NetworkError')
    return namedError('NetworkError', `${what}: network error (${message})`, { retryable: true });
  return namedError('NetworkError', `${what}: ${name || 'Error'}: ${message}`, { retryable: false });
}

export interface DownloadErrorText {
  title: string;
  advice: string;
}

export function explainDownloadError(e: { name: string; message: string }): DownloadErrorText {
  switch (e.name) {
    case 'NotFoundError':
      return {
        title: 'Not found: the model’s files are not at that address.',
        advice: 'Check the model repository URL; it must hold tensor-cache.json and the shards it lists.',
      };
    case 'QuotaExceededError':
      return {
        title: 'The browser has no storage space left for this model.',
        advice: 'Delete another downloaded model or free disk space, then retry. Finished shards are kept.',
      };
    case 'ManifestError':
      return {
        title: 'The model’s weight list (tensor-cache.json) is not valid.',
        advice: 'This is not an MLC model repository, or its files are damaged.',
      };
    case 'IntegrityError':
      return {
        title: 'A downloaded file does not match what was expected.',
        advice:
          'It was rejected (twice) and not stored. Repair checks every cached file of the model and fetches ' +
          'again only what is missing or damaged; if it keeps failing, the repository’s copy differs from what it lists.',
      };
    case 'AbortError':
      return { title: 'Download cancelled.', advice: 'Finished shards are kept; retry to continue.' };
    default:
      return {
        title: 'The download failed.',
        advice: 'Check the connection and retry; shards already downloaded are not fetched again.',
      };
  }
}
