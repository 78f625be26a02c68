/**
 * Talking to an OpenAI-compatible server: its model list and its chat-completions endpoint, and every way
 * that can fail turned into a named error with the server's own words (redacted: redact.ts). The names are
 * what src/engine/errors.ts explains to the user.
 */
import { namedError } from './redact';

export interface RemoteTarget {
  /** The API's base URL, e.g. http://127.0.0.1:11434/v1 (remote-url.ts). */
  baseUrl: string;
  host: string;
  model: string;
  /** Kept in the worker's memory only; null when the server needs none. */
  apiKey: string | null;
}

export interface ModelList {
  ids: string[];
  /** Context windows a server states in its list (vLLM's max_model_len), by model id. */
  contextWindows: Record<string, number>;
}

const BODY_CHARS = 16 * 1024;
/** How long the "is anything there?" probe may take. */
const PROBE_MS = 5000;

function headers(t: RemoteTarget, json: boolean): Record<string, string> {
  const h: Record<string, string> = json
    ? { 'Content-Type': 'application/json', Accept: 'text/event-stream' }
    : { Accept: 'application/json' };
  if (t.apiKey) h.Authorization = `Bearer ${t.apiKey}`;
  return h;
}

/**
 * A request that failed before any answer could be read is either "nothing listens there" or "the server
 * answered but its CORS headers do not allow this page" — fetch says TypeError for both. A `no-cors` request
 * (no key, no body, opaque answer) tells them apart: it succeeds only if something answered. It needs the
 * page's Cross-Origin-Embedder-Policy to be `credentialless` (build/csp.ts).
 */
async function unreachableOrCors(t: RemoteTarget, url: string, cause: unknown): Promise<Error> {
  const detail = cause instanceof Error ? ` (${cause.message})` : '';
  try {
    await fetch(url, {
      mode: 'no-cors',
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(PROBE_MS),
    });
  } catch {
    return namedError(
      'RemoteUnreachableError',
      `Nothing answered at ${t.baseUrl}: the connection was refused or the host is down${detail}.`,
      t.apiKey,
    );
  }
  return namedError(
    'RemoteCorsError',
    `The server at ${t.host} answered, but its CORS headers do not allow this page (${self.location.origin}) to read the answer${detail}.`,
    t.apiKey,
  );
}

async function send(t: RemoteTarget, path: string, init: RequestInit): Promise<Response> {
  const url = `${t.baseUrl}${path}`;
  try {
    return await fetch(url, { ...init, credentials: 'omit', cache: 'no-store' });
  } catch (e) {
    if (init.signal?.aborted || (e instanceof DOMException && e.name === 'AbortError')) throw e;
    throw await unreachableOrCors(t, url, e);
  }
}

/** The start of a body as text (bounded: an error page may be huge). */
export async function bodyText(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  return text.slice(0, BODY_CHARS);
}

/** The message in an OpenAI-style error body ({error: {message}} or {error: "…"}), else the text itself. */
export function serverMessage(text: string): string {
  try {
    const j = JSON.parse(text) as unknown;
    if (typeof j === 'object' && j !== null) {
      const e = (j as { error?: unknown; message?: unknown; detail?: unknown }).error ?? j;
      if (typeof e === 'string') return e.slice(0, 500);
      if (typeof e === 'object' && e !== null) {
        const m =
          (e as { message?: unknown; detail?: unknown }).message ?? (e as { detail?: unknown }).detail;
        if (typeof m === 'string') return m.slice(0, 500);
      }
    }
  } catch {
    // not JSON: the text as it is
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

/**
 * Seconds to wait from a 429: the Retry-After header (seconds or an HTTP date; readable by the page only if
 * the server exposes it with Access-Control-Expose-Headers), else a "try again in N s" in the body.
 */
export function retryAfterSeconds(header: string | null, body: string, nowMs = Date.now()): number | null {
  if (header !== null && header.trim() !== '') {
    const n = Number(header.trim());
    if (Number.isFinite(n) && n >= 0) return Math.ceil(n);
    const at = Date.parse(header);
    if (Number.isFinite(at)) return Math.max(0, Math.ceil((at - nowMs) / 1000));
  }
  const m = /try again in\s+(\d+(?:\.\d+)?)\s*(ms|s)\b/i.exec(body);
  if (!m) return null;
  const v = Number(m[1]);
  return Math.ceil(m[2]?.toLowerCase() === 'ms' ? v / 1000 : v);
}

/** A failed answer (status ≥ 400) as a named error; a 404 on chat lists the models the server has. */
export async function httpError(t: RemoteTarget, res: Response, what: 'chat' | 'models'): Promise<Error> {
  const text = await bodyText(res);
  const said = serverMessage(text);
  const status = `${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
  const quote = said ? `: “${said}”` : '';
  if (res.status === 401 || res.status === 403)
    return namedError(
      'RemoteAuthError',
      `The server at ${t.host} refused ${t.apiKey ? 'the API key' : 'the request without an API key'} (${status})${quote}.`,
      t.apiKey,
    );
  if (res.status === 404 && what === 'chat') {
    const listed = await listModels(t).catch(() => null);
    const list = listed?.ids.length ? ` It lists: ${listed.ids.join(', ')}.` : ' It did not list its models.';
    return namedError(
      'RemoteModelNotFoundError',
      `The server at ${t.host} does not know the model “${t.model}” (${status})${quote}.${list}`,
      t.apiKey,
    );
  }
  if (res.status === 429) {
    const wait = retryAfterSeconds(res.headers.get('Retry-After'), text);
    const when =
      wait !== null
        ? ` It asks to wait ${wait} s before the next request (Retry-After).`
        : ' It did not say for how long (a Retry-After header is readable here only if the server exposes it).';
    return namedError(
      'RemoteRateLimitError',
      `The server at ${t.host} is limiting requests (${status})${quote}.${when}`,
      t.apiKey,
    );
  }
  if (res.status >= 500)
    return namedError('RemoteServerError', `The server at ${t.host} failed (${status})${quote}.`, t.apiKey);
  return namedError(
    'RemoteBadRequestError',
    `The server at ${t.host} refused the request (${status})${quote}.`,
    t.apiKey,
  );
}

function asModelList(j: unknown): ModelList | null {
  const data = typeof j === 'object' && j !== null ? (j as { data?: unknown }).data : undefined;
  if (!Array.isArray(data)) return null;
  const out: ModelList = { ids: [], contextWindows: {} };
  for (const m of data.slice(0, 1000)) {
    const id = typeof m === 'object' && m !== null ? (m as { id?: unknown }).id : undefined;
    if (typeof id !== 'string' || !id) continue;
    out.ids.push(id.slice(0, 300));
    const ctx = (m as { max_model_len?: unknown }).max_model_len;
    if (typeof ctx === 'number' && Number.isInteger(ctx) && ctx > 0) out.contextWindows[id] = ctx;
  }
  return out;
}

/**
 * GET {base}/models. Null when the server has no such endpoint (404/405) or answers something that is not a
 * model list; named errors for everything else that goes wrong (unreachable, CORS, key refused, …).
 */
export async function listModels(t: RemoteTarget, signal?: AbortSignal): Promise<ModelList | null> {
  const res = await send(t, '/models', {
    method: 'GET',
    headers: headers(t, false),
    ...(signal ? { signal } : {}),
  });
  if (res.status === 404 || res.status === 405) return null;
  if (!res.ok) throw await httpError(t, res, 'models');
  try {
    return asModelList(JSON.parse(await bodyText(res)));
  } catch {
    return null;
  }
}

/** POST {base}/chat/completions; the answer is returned as it is (the caller checks it). */
export function postChat(t: RemoteTarget, body: unknown, signal: AbortSignal): Promise<Response> {
  return send(t, '/chat/completions', {
    method: 'POST',
    headers: headers(t, true),
    body: JSON.stringify(body),
    signal,
  });
}
