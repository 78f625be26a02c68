/**
 * Test doubles for the downloader and Repair (used only by tests): a Cache Storage that keeps bodies in
 * memory, and a scripted network serving a tiny MLC repository — its manifest, its shards and the file
 * listing Hugging Face would publish for them (sizes, SHA-256 of each shard, Git SHA-1 of the manifest).
 */
import { createHash } from 'node:crypto';

export const REPO = 'https://hf.example/mlc-ai/Tiny-MLC';
export const ORIGIN = 'https://hf.example';
export const BASE = `${REPO}/resolve/main/`;
export const LISTING = `${ORIGIN}/api/models/mlc-ai/Tiny-MLC/tree/main`;
export const SIZES = [4000, 3000, 2000, 1000];
export const TOTAL = 10_000;
export const MANIFEST_URL = `${BASE}tensor-cache.json`;
export const shard = (i: number): string => `${BASE}params_shard_${i}.bin`;
export const bytes = (i: number): Uint8Array<ArrayBuffer> => new Uint8Array(SIZES[i] ?? 0).fill(i + 1);
export const MANIFEST = JSON.stringify({
  metadata: {},
  records: SIZES.map((n, i) => ({
    dataPath: `params_shard_${i}.bin`,
    format: 'raw-shard',
    nbytes: n,
    records: [],
  })),
});

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const gitSha1 = (b: Uint8Array): string =>
  createHash('sha1').update(`blob ${b.byteLength}\0`).update(b).digest('hex');

/** What Hugging Face's tree API answers for the repository (extra files can be added). */
export function listing(extra: Record<string, Uint8Array> = {}): object[] {
  const plain = { 'tensor-cache.json': new TextEncoder().encode(MANIFEST), ...extra };
  return [
    ...Object.entries(plain).map(([path, b]) => ({
      type: 'file',
      path,
      size: b.byteLength,
      oid: gitSha1(b),
    })),
    ...SIZES.map((n, i) => ({
      type: 'file',
      path: `params_shard_${i}.bin`,
      size: n,
      oid: 'f'.repeat(40),
      lfs: { oid: sha256(bytes(i)), size: n, pointerSize: 134 },
    })),
  ];
}

/** Chunks of `step` bytes, one per macrotask; the stream reports how far it got and whether it was cancelled. */
function slowBody(
  b: Uint8Array<ArrayBuffer>,
  end: (why: string) => void,
  cutAfter: number,
  signal?: AbortSignal | null,
) {
  let sent = 0;
  const step = Math.max(1, Math.ceil(Math.min(b.byteLength, 4000) / 4));
  return new ReadableStream<Uint8Array>({
    async pull(c) {
      await new Promise((r) => setTimeout(r, 1));
      if (signal?.aborted) {
        end('aborted');
        c.error(new DOMException('The operation was aborted.', 'AbortError'));
        return;
      }
      if (sent >= cutAfter) {
        end('cut');
        c.error(new TypeError('network error'));
        return;
      }
      c.enqueue(b.slice(sent * step, (sent + 1) * step));
      if (++sent * step >= b.byteLength) {
        end('done');
        c.close();
      }
    },
    cancel() {
      end('cancelled');
    },
  });
}

/**
 * What a URL answers, attempt by attempt (the last one repeats): the file ('ok'); a network error before
 * any byte; a body cut mid-way; a short body; the right size with wrong bytes; a body far longer than
 * the manifest says, without a length; a length announced longer; or an HTTP status.
 */
export type Answer = 'ok' | 'neterr' | 'cut' | 'short' | 'wrong' | 'long' | 'announce-long' | number;

export function fakeNet(
  script: Record<string, Answer[]> = {},
  published: object[] | null = null,
  /** Other files the repository serves, by URL. */
  files: Record<string, Uint8Array<ArrayBuffer>> = {},
) {
  const calls: string[] = [];
  const ends: Record<string, string[]> = {};
  const sentBytes: Record<string, number> = {};
  let inFlight = 0;
  let maxInFlight = 0;
  const fetchFn = ((url: string, init?: RequestInit) => {
    const n = calls.filter((c) => c === url).length;
    calls.push(url);
    const plan = script[url] ?? ['ok'];
    const a = plan[Math.min(n, plan.length - 1)] ?? 'ok';
    if (a === 'neterr') return Promise.reject(new TypeError('Failed to fetch'));
    if (typeof a === 'number')
      return Promise.resolve(
        new Response('err', { status: a, headers: a === 429 ? { 'Retry-After': '3' } : {} }),
      );
    if (url === LISTING)
      return Promise.resolve(published ? Response.json(published) : new Response('', { status: 404 }));
    const file = files[url];
    if (file) return Promise.resolve(new Response(a === 'wrong' ? file.map((x) => x ^ 0xff) : file));
    if (url === MANIFEST_URL)
      return Promise.resolve(new Response(a === 'wrong' ? MANIFEST.replace('4000', '4001') : MANIFEST));
    const i = Number(/params_shard_(\d+)/.exec(url)?.[1]);
    if (!Number.isInteger(i) || SIZES[i] === undefined)
      return Promise.resolve(new Response('', { status: 404 }));
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    const end = (why: string): void => {
      inFlight--;
      (ends[url] ??= []).push(why);
    };
    let b = bytes(i);
    if (a === 'short') b = b.slice(0, 10);
    if (a === 'wrong') b = b.map((x) => x ^ 0xff);
    if (a === 'long') b = new Uint8Array(b.byteLength * 100).fill(i + 1);
    const body = slowBody(b, end, a === 'cut' ? 2 : Infinity, init?.signal);
    const counted = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, c) {
          sentBytes[url] = (sentBytes[url] ?? 0) + chunk.byteLength;
          c.enqueue(chunk);
        },
      }),
    );
    const headers: Record<string, string> =
      a === 'announce-long' ? { 'Content-Length': String(b.byteLength * 2) } : {};
    return Promise.resolve(new Response(counted, { headers }));
  }) as typeof fetch;
  return {
    fetchFn,
    calls,
    /** How each transfer of a URL ended: done, cut, aborted, cancelled. */
    ends,
    /** Bytes the fake server handed over per URL. */
    sentBytes,
    count: (u: string) => calls.filter((c) => c === u).length,
    max: () => maxInFlight,
  };
}
