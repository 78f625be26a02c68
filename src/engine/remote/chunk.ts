/**
 * One event of an OpenAI-compatible chat-completions stream, read in the app's terms. The server is
 * untrusted: every field is checked, and anything unexpected is ignored or refused with a named error.
 * - text: choices[0].delta.content (a role-only or empty delta carries none);
 * - finish: choices[0].finish_reason ('length' is a cut, anything else the model ending the reply);
 * - usage (with stream_options.include_usage, on a last chunk whose choices are empty): the server's
 *   prompt and completion token counts. Whether completion_tokens counts a closing end-of-turn token
 *   depends on the server (llama-server does), so src/metrics/figures.ts accepts either;
 * - error: an `error` object in the stream ends the reply with the server's message.
 */
import type { ChunkReading } from '../stream';
import { serverMessage } from './http';

export interface RemoteChunk {
  choices?: unknown;
  usage?: unknown;
  error?: unknown;
}

function named(name: string, message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

/** An event's data as a chunk object; anything that is not a JSON object is a protocol error. */
export function parseChunk(data: string): RemoteChunk {
  let j: unknown;
  try {
    j = JSON.parse(data);
  } catch {
    throw named('RemoteProtocolError', `the server sent an event that is not JSON: “${data.slice(0, 120)}”`);
  }
  if (typeof j !== 'object' || j === null || Array.isArray(j))
    throw named(
      'RemoteProtocolError',
      `the server sent an event that is not a JSON object: ${data.slice(0, 120)}`,
    );
  return j;
}

const count = (v: unknown): number | null =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;

export function readRemoteChunk(c: RemoteChunk): ChunkReading {
  if (c.error !== undefined && c.error !== null)
    throw named(
      'RemoteStreamError',
      `the server reported an error mid-reply: “${serverMessage(JSON.stringify(c))}”`,
    );
  const choice: unknown = Array.isArray(c.choices) ? c.choices[0] : undefined;
  const r: ChunkReading = {};
  if (typeof choice === 'object' && choice !== null) {
    const delta = (choice as { delta?: unknown }).delta;
    const content =
      typeof delta === 'object' && delta !== null ? (delta as { content?: unknown }).content : null;
    if (typeof content === 'string' && content) r.text = content;
    const finish = (choice as { finish_reason?: unknown }).finish_reason;
    if (typeof finish === 'string' && finish) r.finishReason = finish === 'length' ? 'length' : 'stop';
  }
  const u = c.usage;
  if (typeof u === 'object' && u !== null) {
    const promptTokens = count((u as { prompt_tokens?: unknown }).prompt_tokens);
    const completionTokens = count((u as { completion_tokens?: unknown }).completion_tokens);
    if (promptTokens !== null || completionTokens !== null) r.stats = { promptTokens, completionTokens };
  }
  return r;
}
