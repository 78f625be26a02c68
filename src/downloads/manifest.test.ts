import { describe, expect, it } from 'vitest';
import {
  decodeManifest,
  fetchManifest,
  manifestUrl,
  modelBaseUrl,
  parseTensorCache,
  shardUrl,
  totalBytes,
} from './manifest';

describe('modelBaseUrl (web-llm cleanModelUrl)', () => {
  it.each([
    ['https://huggingface.co/mlc-ai/X-MLC', 'https://huggingface.co/mlc-ai/X-MLC/resolve/main/'],
    ['https://huggingface.co/mlc-ai/X-MLC/', 'https://huggingface.co/mlc-ai/X-MLC/resolve/main/'],
    [
      'https://huggingface.co/mlc-ai/X-MLC/resolve/abc123',
      'https://huggingface.co/mlc-ai/X-MLC/resolve/abc123/',
    ],
    ['https://h.co/u/m/resolve/main/sub', 'https://h.co/u/m/resolve/main/sub/'],
    ['HTTPS://Example.ORG:443/a b', 'https://example.org/a%20b/resolve/main/'],
    [
      'http://127.0.0.1:4173/__fixtures__/mlc/Tiny',
      'http://127.0.0.1:4173/__fixtures__/mlc/Tiny/resolve/main/',
    ],
  ])('%s → %s', (input, want) => {
    expect(modelBaseUrl(input)).toBe(want);
  });

  it('rejects a relative URL, as web-llm does', () => {
    expect(() => modelBaseUrl('/models/x')).toThrow(/absolute/);
  });

  it('derives the manifest and shard URLs relative to the base', () => {
    const base = modelBaseUrl('https://h.co/u/m');
    expect(manifestUrl(base)).toBe('https://h.co/u/m/resolve/main/tensor-cache.json');
    expect(shardUrl(base, 'params_shard_3.bin')).toBe('https://h.co/u/m/resolve/main/params_shard_3.bin');
  });
});

describe('parseTensorCache', () => {
  const good = {
    metadata: { ParamBytes: 30 },
    records: [
      { dataPath: 'params_shard_0.bin', format: 'raw-shard', nbytes: 10, records: [] },
      { dataPath: 'params_shard_1.bin', format: 'raw-shard', nbytes: 20, records: [] },
    ],
  };

  it('keeps dataPath and nbytes of every shard and sums the bytes', () => {
    const m = parseTensorCache(good);
    expect(m.records).toEqual([
      { dataPath: 'params_shard_0.bin', nbytes: 10 },
      { dataPath: 'params_shard_1.bin', nbytes: 20 },
    ]);
    expect(totalBytes(m)).toBe(30);
  });

  it.each([
    ['not an object', []],
    ['no records', { metadata: {} }],
    ['a record without dataPath', { records: [{ nbytes: 1 }] }],
    ['a negative size', { records: [{ dataPath: 'a', nbytes: -1 }] }],
    ['a fractional size', { records: [{ dataPath: 'a', nbytes: 1.5 }] }],
    [
      'a duplicate shard',
      {
        records: [
          { dataPath: 'a', nbytes: 1 },
          { dataPath: 'a', nbytes: 1 },
        ],
      },
    ],
  ])('rejects %s with a ManifestError', (_why, json) => {
    expect(() => parseTensorCache(json)).toThrow(expect.objectContaining({ name: 'ManifestError' }));
  });

  it('rejects bytes that are not JSON', () => {
    expect(() => decodeManifest(new TextEncoder().encode('<html>').buffer)).toThrow(/not valid JSON/);
  });
});

describe('fetchManifest', () => {
  const base = 'https://h.co/u/m/resolve/main/';

  it('fetches tensor-cache.json under the base and returns its bytes too', async () => {
    const body = JSON.stringify({ records: [{ dataPath: 's.bin', nbytes: 4 }] });
    const seen: string[] = [];
    const fetchFn = ((url: string) => {
      seen.push(url);
      return Promise.resolve(new Response(body, { headers: { 'Content-Type': 'application/json' } }));
    }) as typeof fetch;
    const got = await fetchManifest(base, fetchFn);
    expect(seen).toEqual([`${base}tensor-cache.json`]);
    expect(got.manifest.records).toEqual([{ dataPath: 's.bin', nbytes: 4 }]);
    expect(new TextDecoder().decode(got.body)).toBe(body);
    expect(got.contentType).toBe('application/json');
  });

  it('turns a 404 into a NotFoundError that names the file', async () => {
    const fetchFn = (() => Promise.resolve(new Response('no', { status: 404 }))) as typeof fetch;
    await expect(fetchManifest(base, fetchFn)).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining('tensor-cache.json was not found (HTTP 404)') as unknown,
      retryable: false,
    });
  });
});
