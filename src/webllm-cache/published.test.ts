import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { digestProblem, gitBlobSha1Hex, sha256Hex } from './digest';
import { fetchPublished, parseTreeListing } from './published';
import { checkBytes } from './verify';

const root = 'https://huggingface.co/mlc-ai/M/resolve/main/';
const base = root;
const SHA = 'a'.repeat(64);

describe('digests', () => {
  it('match Node’s SHA-256 and Git’s blob SHA-1', async () => {
    const b = new TextEncoder().encode('{"model_type":"llama"}\n');
    expect(await sha256Hex(b)).toBe(createHash('sha256').update(b).digest('hex'));
    // `printf '{"model_type":"llama"}\n' | git hash-object --stdin`
    expect(await gitBlobSha1Hex(b)).toBe(
      createHash('sha1').update(`blob ${b.byteLength}\0`).update(b).digest('hex'),
    );
    expect(await gitBlobSha1Hex(new Uint8Array(0))).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
  });
  it('say what differs', async () => {
    const b = new Uint8Array([1, 2, 3]);
    expect(await digestProblem('x.bin', b, { algorithm: 'sha256', hex: await sha256Hex(b) })).toBeNull();
    expect(await digestProblem('x.bin', b, { algorithm: 'sha256', hex: SHA })).toMatch(
      /^x\.bin: SHA-256 is 039058c6f2c0…, Hugging Face publishes aaaaaaaaaaaa…$/,
    );
  });
});

describe('parseTreeListing', () => {
  it('takes the SHA-256 of LFS files and the Git SHA-1 of the others, keyed by the URL web-llm uses', () => {
    const files = parseTreeListing(
      [
        {
          type: 'file',
          path: 'params_shard_0.bin',
          size: 9,
          oid: 'b'.repeat(40),
          lfs: { oid: SHA, size: 9, pointerSize: 130 },
        },
        { type: 'file', path: 'mlc-chat-config.json', size: 5, oid: 'c'.repeat(40) },
        { type: 'directory', path: 'sub', size: 0, oid: 'd'.repeat(40) },
        { type: 'file', path: 'odd name.bin', size: 1, oid: 'e'.repeat(40) },
      ],
      root,
    );
    expect([...files]).toEqual([
      [`${root}params_shard_0.bin`, { size: 9, digest: { algorithm: 'sha256', hex: SHA } }],
      [`${root}mlc-chat-config.json`, { size: 5, digest: { algorithm: 'git-sha1', hex: 'c'.repeat(40) } }],
      [`${root}odd%20name.bin`, { size: 1, digest: { algorithm: 'git-sha1', hex: 'e'.repeat(40) } }],
    ]);
  });
  it('leaves out what it cannot trust, and never throws', () => {
    const odd = [
      null,
      3,
      { type: 'file', path: 'a', size: -1, oid: 'c'.repeat(40) },
      { type: 'file', path: 'b', size: 1, oid: 'not-hex' },
      // An LFS entry without a usable SHA-256: its `oid` is the pointer's, not the content's.
      { type: 'file', path: 'c', size: 1, oid: 'c'.repeat(40), lfs: { oid: 'short' } },
      { type: 'file', size: 1, oid: 'c'.repeat(40) },
    ];
    expect(parseTreeListing(odd, root).size).toBe(0);
    expect(parseTreeListing({ not: 'a list' }, root).size).toBe(0);
  });
});

describe('fetchPublished', () => {
  const answer = (res: Response | Error) =>
    ((url: string) => {
      seen.push(url);
      return res instanceof Error ? Promise.reject(res) : Promise.resolve(res);
    }) as typeof fetch;
  const seen: string[] = [];

  it('reads the listing, following its next page on the same host', async () => {
    seen.length = 0;
    const pages = [
      Response.json([{ type: 'file', path: 'a.bin', size: 1, oid: 'c'.repeat(40) }], {
        headers: { Link: '<https://huggingface.co/api/models/mlc-ai/M/tree/main?cursor=2>; rel="next"' },
      }),
      Response.json([{ type: 'file', path: 'b.bin', size: 2, oid: 'd'.repeat(40) }], {
        headers: { Link: '<https://elsewhere.example/next>; rel="next"' },
      }),
    ];
    const fetchFn = ((url: string) => (
      seen.push(url),
      Promise.resolve(pages.shift() ?? new Response('', { status: 500 }))
    )) as typeof fetch;
    const got = await fetchPublished(base, fetchFn, { pageOrigin: null });
    expect(seen).toEqual([
      'https://huggingface.co/api/models/mlc-ai/M/tree/main',
      'https://huggingface.co/api/models/mlc-ai/M/tree/main?cursor=2',
    ]);
    expect(got.state === 'published' && [...got.files.keys()]).toEqual([`${root}a.bin`, `${root}b.bin`]);
  });

  it.each([
    [
      'a host with no such API',
      'https://raw.example/m/resolve/main/',
      answer(new Response('[]')),
      'publishes no file hashes',
    ],
    ['an HTTP error', base, answer(new Response('', { status: 401 })), 'answered HTTP 401'],
    [
      'a network error',
      base,
      answer(new TypeError('Failed to fetch')),
      'could not be read (Failed to fetch)',
    ],
    ['an answer that is not JSON', base, answer(new Response('<html>')), 'could not be read'],
  ])('is unavailable, with the reason, after %s', async (_why, b, fetchFn, reason) => {
    const got = await fetchPublished(b, fetchFn, { pageOrigin: null });
    expect(got).toEqual({ state: 'unavailable', reason: expect.stringContaining(reason) as unknown });
  });
});

describe('checkBytes', () => {
  it('checks size, then hash, then content, and names the strongest check that passed', async () => {
    const b = new TextEncoder().encode('{}');
    const content = (x: Uint8Array) => (x[0] === 0x7b ? null : 'not JSON');
    expect(await checkBytes(b, { name: 'c.json', size: 2, content })).toEqual({
      state: 'ok',
      method: 'size',
    });
    expect(await checkBytes(b, { name: 'c.json', content })).toEqual({ state: 'ok', method: 'content' });
    const digest = { algorithm: 'git-sha1' as const, hex: await gitBlobSha1Hex(b) };
    expect(await checkBytes(b, { name: 'c.json', size: 2, digest })).toEqual({
      state: 'ok',
      method: 'git-sha1',
    });
    expect(await checkBytes(b, { name: 'c.json', size: 3 })).toMatchObject({
      state: 'damaged',
      failed: 'size',
    });
    expect(await checkBytes(b, { name: 'c.json', digest: { algorithm: 'sha256', hex: SHA } })).toMatchObject({
      state: 'damaged',
      failed: 'digest',
    });
    expect(await checkBytes(new Uint8Array([0x3c]), { name: 'c.json', content })).toEqual({
      state: 'damaged',
      reason: 'not JSON',
      failed: 'content',
    });
  });
});
