/**
 * An API key never leaves the worker's memory in words: every text the remote engine puts in an error (a
 * server's error body, an exception's message) passes through here first. A server that echoes the request's
 * Authorization header back, or the key itself, gets it replaced.
 */

export const REDACTED = '[key removed]';

/** `text` with the key, any `Bearer …` credential and any `Authorization: …` value removed. */
export function redact(text: string, key: string | null): string {
  let out = text;
  if (key) out = out.split(key).join(REDACTED);
  return out
    .replace(/(authorization["']?\s*[:=]\s*["']?)[^"',\r\n}]+/gi, `$1${REDACTED}`)
    .replace(/\bBearer\s+(?!\[key removed\])[^\s"',}]+/gi, `Bearer ${REDACTED}`);
}

/** An error of the given name whose message has been redacted. */
export function namedError(name: string, message: string, key: string | null): Error {
  const e = new Error(redact(message, key));
  e.name = name;
  return e;
}
