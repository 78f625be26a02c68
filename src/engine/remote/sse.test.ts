import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChunk, readRemoteChunk } from './chunk';
import { readEventStream } from './sse';

/** A stream that hands over `bytes` in the given pieces (cut at byte offsets). */
function streamOf(bytes: Uint8Array, cuts: number[]): ReadableStream<Uint8Array> {
  const at = [...new Set(cuts.filter((c) => c > 0 && c < bytes.length))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    pieces.push(bytes.slice(from, c));
    from = c;
  }
  return new ReadableStream({
    pull(ctl) {
      const p = pieces.shift();
      if (p) ctl.enqueue(p);
      else ctl.close();
    },
  });
}

/** What a reader makes of a stream: the text, the usage and how it ended. */
async function readAll(body: ReadableStream<Uint8Array>) {
  const s = readEventStream(body);
  let text = '';
  let usage: unknown = null;
  let finish: string | null = null;
  for await (const data of s.events) {
    const r = readRemoteChunk(parseChunk(data));
    text += r.text ?? '';
    if (r.stats) usage = r.stats;
    if (r.finishReason) finish = r.finishReason;
  }
  return { text, usage, finish, done: s.done };
}

const chunk = (content: string) =>
  JSON.stringify({
    id: 'x',
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta: { content }, finish_reason: null }],
  });

/** A real-looking stream (as llama-server, vLLM and Ollama write them), in the given line ending. */
function eventStream(pieces: string[], eol: string): string {
  const ev = (data: string) => `data: ${data}${eol}${eol}`;
  return [
    `: keep-alive${eol}${eol}`,
    ev(
      JSON.stringify({
        choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
      }),
    ),
    `data:${eol}${eol}`,
    ...pieces.map((p) => ev(chunk(p))),
    `: ping${eol}${eol}`,
    ev(JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })),
    ev(
      JSON.stringify({
        choices: [],
        usage: { prompt_tokens: 17, completion_tokens: pieces.length + 1, total_tokens: 99 },
      }),
    ),
    ev('[DONE]'),
    // Anything after [DONE] is never read.
    ev(chunk('IGNORED')),
  ].join('');
}

const PIECES = ['Hello', ' wörld', ' — ', '日本語', ' 👋🏽', ' naïve', ' café', '!'];

describe('readEventStream', () => {
  it('reads text, finish and usage from a whole stream', async () => {
    const bytes = new TextEncoder().encode(eventStream(PIECES, '\n'));
    expect(await readAll(streamOf(bytes, []))).toEqual({
      text: PIECES.join(''),
      usage: { promptTokens: 17, completionTokens: PIECES.length + 1 },
      finish: 'stop',
      done: true,
    });
  });

  it('yields exactly the same text and usage however the bytes are split (mid-line, mid-character, CRLF)', async () => {
    const arb = fc.record({
      pieces: fc.array(
        fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 })),
        {
          minLength: 1,
          maxLength: 12,
        },
      ),
      eol: fc.constantFrom('\n', '\r\n', '\r'),
      cuts: fc.array(fc.nat(), { maxLength: 40 }),
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ pieces, eol, cuts }) => {
        const bytes = new TextEncoder().encode(eventStream(pieces, eol));
        const whole = await readAll(streamOf(bytes, []));
        const split = await readAll(
          streamOf(
            bytes,
            cuts.map((c) => c % (bytes.length + 1)),
          ),
        );
        expect(split).toEqual(whole);
        expect(split.text).toBe(pieces.join(''));
        expect(split.usage).toEqual({ promptTokens: 17, completionTokens: pieces.length + 1 });
      }),
      { numRuns: 300 },
    );
  });

  it('splits inside every multi-byte character and still decodes it', async () => {
    const bytes = new TextEncoder().encode(eventStream(['👋🏽日本'], '\n'));
    const cuts = Array.from({ length: bytes.length }, (_, i) => i);
    expect((await readAll(streamOf(bytes, cuts))).text).toBe('👋🏽日本');
  });

  it('a body that ends without [DONE] says so (the caller decides whether the reply was cut)', async () => {
    const text = `data: ${chunk('Hel')}\n\ndata: ${chunk('lo')}\n\n`;
    const r = await readAll(streamOf(new TextEncoder().encode(text), [5]));
    expect(r).toMatchObject({ text: 'Hello', done: false, finish: null });
  });

  it('an event the body ends in the middle of is not dispatched (as the event-stream standard says)', async () => {
    const text = `data: ${chunk('a')}\n\ndata: ${chunk('b')}`;
    expect(await readAll(streamOf(new TextEncoder().encode(text), []))).toMatchObject({
      text: 'a',
      done: false,
    });
  });

  it('an error object in the stream ends it with the server’s message', async () => {
    const text = `data: ${chunk('part')}\n\ndata: {"error":{"message":"model crashed","type":"server_error"}}\n\n`;
    await expect(readAll(streamOf(new TextEncoder().encode(text), []))).rejects.toMatchObject({
      name: 'RemoteStreamError',
      message: expect.stringContaining('model crashed') as string,
    });
  });

  it('an event that is not JSON is a protocol error', async () => {
    const text = `data: {"choices": [\n\n`;
    await expect(readAll(streamOf(new TextEncoder().encode(text), []))).rejects.toMatchObject({
      name: 'RemoteProtocolError',
    });
  });

  it('cancels the body when the reader stops early', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(ctl) {
        ctl.enqueue(new TextEncoder().encode(`data: ${chunk('x')}\n\n`));
      },
      cancel() {
        cancelled = true;
      },
    });
    const s = readEventStream(body);
    for await (const d of s.events) {
      expect(d).toContain('"x"');
      break;
    }
    expect(cancelled).toBe(true);
  });
});
