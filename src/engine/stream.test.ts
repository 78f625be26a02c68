import { describe, expect, it } from 'vitest';
import { streamReply, type ChunkReading } from './stream';
import type { TokenEvent } from './types';

async function* chunks<C>(items: C[], between?: (i: number) => void): AsyncIterable<C> {
  for (const [i, c] of items.entries()) {
    between?.(i);
    await Promise.resolve();
    yield c;
  }
}

const read = (c: ChunkReading): ChunkReading => c;

describe('streamReply (the loop both adapters share)', () => {
  it('passes text on as timestamped tokens after the hand-over and keeps the last figures', async () => {
    const tokens: TokenEvent[] = [];
    const out = await streamReply(
      {
        start: () =>
          Promise.resolve(
            chunks<ChunkReading>([
              { text: 'Hel' },
              { text: '' },
              { text: 'lo' },
              { finishReason: 'length', stats: { completionTokens: 2, decodeMs: 5 } },
            ]),
          ),
        read,
      },
      { onToken: (t) => tokens.push(t) },
      new AbortController().signal,
    );
    expect(tokens.map((t) => t.text)).toEqual(['Hel', 'lo']);
    expect(tokens.every((t, i) => i === 0 || t.t >= (tokens[i - 1]?.t ?? Infinity))).toBe(true);
    expect(out.finishReason).toBe('length');
    expect(out.stats).toMatchObject({ completionTokens: 2, decodeMs: 5, promptTokens: null });
    expect(tokens[0]?.t).toBeGreaterThanOrEqual(out.marks.handedAt);
  });

  it('marks only the hand-over (an adapter adds what else its runtime shows)', async () => {
    const out = await streamReply(
      { start: () => Promise.resolve(chunks<ChunkReading>([{ text: 'a' }])), read },
      { onToken: () => undefined },
      new AbortController().signal,
    );
    expect(out.marks).toMatchObject({ promptStartedAt: null, promptDoneAt: null });
    expect(out.finishReason).toBe('stop');
  });

  it('stops reading when aborted, and an aborted stream that throws ends as an abort', async () => {
    const ctl = new AbortController();
    const seen: string[] = [];
    const out = await streamReply(
      {
        start: () =>
          Promise.resolve(
            chunks<ChunkReading>([{ text: 'a' }, { text: 'b' }, { text: 'c' }], (i) => {
              if (i === 1) ctl.abort();
            }),
          ),
        read,
      },
      { onToken: (t) => seen.push(t.text) },
      ctl.signal,
    );
    expect(seen).toEqual(['a', 'b']);
    expect(out.finishReason).toBe('abort');

    const thrown = new AbortController();
    async function* failing(): AsyncIterable<ChunkReading> {
      yield await Promise.resolve({ text: 'x' });
      thrown.abort();
      throw new Error('WllamaAbortError');
    }
    const r = await streamReply(
      { start: () => Promise.resolve(failing()), read },
      { onToken: () => undefined },
      thrown.signal,
    );
    expect(r.finishReason).toBe('abort');
  });

  it('a failure that is not an abort reaches the caller', async () => {
    async function* failing(): AsyncIterable<ChunkReading> {
      yield await Promise.resolve({ text: 'x' });
      throw new Error('inference_error');
    }
    await expect(
      streamReply(
        { start: () => Promise.resolve(failing()), read },
        { onToken: () => undefined },
        new AbortController().signal,
      ),
    ).rejects.toThrow('inference_error');
  });
});
