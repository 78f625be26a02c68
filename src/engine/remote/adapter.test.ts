import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TokenEvent } from '../types';
import { createRemoteAdapter } from './adapter';

const KEY = 'sk-test-0123456789abcdef';
const BASE = 'http://127.0.0.1:6100/v1';

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

function sse(events: string[], opts: { done?: boolean } = {}): Response {
  const text = events.map((e) => `data: ${e}\n\n`).join('') + (opts.done === false ? '' : 'data: [DONE]\n\n');
  return new Response(text, { headers: { 'Content-Type': 'text/event-stream' } });
}
const delta = (content: string) =>
  JSON.stringify({ choices: [{ index: 0, delta: { content }, finish_reason: null }] });
const finish = (reason: string) =>
  JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: reason }] });
const usage = (p: number, c: number) =>
  JSON.stringify({ choices: [], usage: { prompt_tokens: p, completion_tokens: c } });
const models = (...ids: string[]) =>
  Response.json({ object: 'list', data: ids.map((id) => ({ id, object: 'model' })) });

/** An asymmetric matcher, typed for toMatchObject. */
const contains = (s: string | RegExp): string =>
  (typeof s === 'string' ? expect.stringContaining(s) : expect.stringMatching(s)) as string;

let requests: { url: string; init: RequestInit }[] = [];
function serve(chat: Handler, list: Handler = () => models('m1', 'm2')): void {
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    requests.push({ url, init });
    if (init.mode === 'no-cors') throw new TypeError('Failed to fetch');
    return url.endsWith('/models') ? list(url, init) : chat(url, init);
  });
}

async function loaded(key: string | null = KEY, model = 'm1') {
  const a = createRemoteAdapter();
  await a.load(
    { engine: 'remote', id: 'r', url: BASE, serverModel: model },
    () => undefined,
    new AbortController().signal,
    {
      apiKey: key,
    },
  );
  return a;
}

async function run(
  a: Awaited<ReturnType<typeof loaded>>,
  seed?: number,
  signal = new AbortController().signal,
) {
  const tokens: TokenEvent[] = [];
  const out = await a.generate(
    [{ role: 'user', content: 'Hi' }],
    { temperature: 0, top_p: 1, max_tokens: 16, ...(seed !== undefined ? { seed } : {}) },
    { onToken: (t) => tokens.push(t) },
    signal,
  );
  return { out, text: tokens.map((t) => t.text).join(''), tokens };
}

beforeEach(() => {
  requests = [];
  vi.stubGlobal('self', { location: new URL('http://127.0.0.1:4173/') });
});
afterEach(() => vi.unstubAllGlobals());

describe('remote adapter', () => {
  it('streams text and the server’s usage; sends the key, stream_options and the sampling settings', async () => {
    serve(() => sse([delta('Hel'), delta('lo'), finish('stop'), usage(9, 3)]));
    const { out, text, tokens } = await run(await loaded(), 7);
    expect(text).toBe('Hello');
    expect(tokens).toHaveLength(2);
    expect(out).toMatchObject({ finishReason: 'stop', stats: { promptTokens: 9, completionTokens: 3 } });
    expect(out.marks).toBeUndefined();
    const chat = requests.find((r) => r.url === `${BASE}/chat/completions`);
    expect((chat?.init.headers as Record<string, string>).Authorization).toBe(`Bearer ${KEY}`);
    expect(JSON.parse(chat?.init.body as string)).toMatchObject({
      model: 'm1',
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0,
      top_p: 1,
      max_tokens: 16,
      seed: 7,
    });
  });

  it('asks again without the seed when the server refuses it', async () => {
    serve((_, init) =>
      (init.body as string).includes('"seed"')
        ? Response.json(
            { error: { message: 'Unrecognized request argument supplied: seed' } },
            { status: 400 },
          )
        : sse([delta('ok'), finish('stop')]),
    );
    const { out, text } = await run(await loaded(), 3);
    expect(text).toBe('ok');
    expect(out.remote).toEqual({ seedDropped: true });
  });

  it('refuses a model the server does not list, naming the ones it does', async () => {
    serve(() => sse([]));
    await expect(loaded(KEY, 'nope')).rejects.toMatchObject({
      name: 'RemoteModelNotFoundError',
      message: contains('It lists: m1, m2'),
    });
  });

  it('a 404 on chat lists the server’s models', async () => {
    serve(
      () => Response.json({ error: { message: 'model not found' } }, { status: 404 }),
      () => models('m1', 'other'),
    );
    await expect(run(await loaded())).rejects.toMatchObject({
      name: 'RemoteModelNotFoundError',
      message: contains(/model not found.*It lists: m1, other/),
    });
  });

  it('never lets the key into an error, even when the server echoes the Authorization header', async () => {
    serve(
      () => sse([]),
      (_, init) =>
        Response.json(
          { error: { message: `bad key: ${(init.headers as Record<string, string>).Authorization}` } },
          { status: 401 },
        ),
    );
    const err = await loaded().catch((e: unknown) => e as Error);
    expect(err).toMatchObject({ name: 'RemoteAuthError' });
    expect((err as Error).message).not.toContain(KEY);
    expect((err as Error).message).toContain('[key removed]');
  });

  it('429: says how long the server asks to wait', async () => {
    serve(() =>
      Response.json({ error: { message: 'slow down' } }, { status: 429, headers: { 'Retry-After': '7' } }),
    );
    await expect(run(await loaded())).rejects.toMatchObject({
      name: 'RemoteRateLimitError',
      message: contains('wait 7 s'),
    });
  });

  it('5xx, a body that is not an event stream, and a stream that just ends are each named', async () => {
    serve(() => new Response('boom', { status: 502, statusText: 'Bad Gateway' }));
    const a = await loaded();
    await expect(run(a)).rejects.toMatchObject({
      name: 'RemoteServerError',
      message: contains('502'),
    });
    serve(() => new Response('<html>login</html>', { headers: { 'Content-Type': 'text/html' } }));
    await expect(run(a)).rejects.toMatchObject({
      name: 'RemoteProtocolError',
      message: contains('text/html'),
    });
    serve(() => sse([delta('part')], { done: false }));
    await expect(run(a)).rejects.toMatchObject({ name: 'RemoteStreamCutError' });
  });

  it('a body that fails mid-stream is a cut reply, and the tokens before it were handed on', async () => {
    let n = 0;
    serve(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(ctl) {
              if (n++ === 0) ctl.enqueue(new TextEncoder().encode(`data: ${delta('kept')}\n\n`));
              else ctl.error(new TypeError('network error'));
            },
          }),
          { headers: { 'Content-Type': 'text/event-stream' } },
        ),
    );
    const a = await loaded();
    const tokens: string[] = [];
    await expect(
      a.generate(
        [],
        { temperature: 0, top_p: 1, max_tokens: 5 },
        { onToken: (t) => tokens.push(t.text) },
        new AbortController().signal,
      ),
    ).rejects.toMatchObject({ name: 'RemoteStreamCutError' });
    expect(tokens).toEqual(['kept']);
  });

  it('unreachable: the no-cors probe fails too', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(loaded()).rejects.toMatchObject({ name: 'RemoteUnreachableError' });
  });

  it('CORS: the request fails but the no-cors probe gets an (opaque) answer', async () => {
    vi.stubGlobal('fetch', (_: string, init: RequestInit = {}) =>
      init.mode === 'no-cors'
        ? Promise.resolve(new Response(null))
        : Promise.reject(new TypeError('Failed to fetch')),
    );
    await expect(loaded()).rejects.toMatchObject({ name: 'RemoteCorsError' });
  });

  it('stop: aborting ends the reply as stopped and cancels the body', async () => {
    let cancelled = false;
    serve(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull: (ctl) =>
              new Promise((r) => setTimeout(r, 5)).then(() =>
                ctl.enqueue(new TextEncoder().encode(`data: ${delta('x')}\n\n`)),
              ),
            cancel: () => void (cancelled = true),
          }),
          { headers: { 'Content-Type': 'text/event-stream' } },
        ),
    );
    const a = await loaded();
    const ctl = new AbortController();
    const tokens: string[] = [];
    const p = a.generate(
      [],
      { temperature: 0, top_p: 1, max_tokens: 5 },
      {
        onToken: (t) => {
          tokens.push(t.text);
          if (tokens.length === 3) ctl.abort();
        },
      },
      ctl.signal,
    );
    await expect(p).resolves.toMatchObject({ finishReason: 'abort' });
    expect(cancelled).toBe(true);
  });

  it('refuses an address this site may not reach, before any request', async () => {
    serve(() => sse([]));
    const a = createRemoteAdapter();
    await expect(
      a.load(
        { engine: 'remote', id: 'r', url: 'http://10.1.2.3:8000/v1', serverModel: 'm' },
        () => undefined,
        new AbortController().signal,
      ),
    ).rejects.toMatchObject({ name: 'RemoteRefusedError' });
    expect(requests).toHaveLength(0);
  });
});
