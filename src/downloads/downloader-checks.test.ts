/** What the downloader trusts: exact sizes, measured; published hashes where there are any; nothing else. */
import { describe, expect, it } from 'vitest';
import { downloadWeights, type DownloadOptions, type DownloadProgress } from './downloader';
import { FakeCache } from '../webllm-cache/test-fakes';
import {
  bytes,
  fakeNet,
  LISTING,
  listing,
  MANIFEST,
  MANIFEST_URL,
  ORIGIN,
  REPO,
  shard,
  SIZES,
} from './test-fakes';

function run(net: ReturnType<typeof fakeNet>, c: FakeCache, extra: DownloadOptions = {}) {
  const progress: DownloadProgress[] = [];
  const p = downloadWeights(REPO, {
    fetch: net.fetchFn,
    caches: { open: () => Promise.resolve(c) } as unknown as CacheStorage,
    onProgress: (x) => progress.push(x),
    sleep: () => Promise.resolve(),
    random: () => 0.5,
    pageOrigin: ORIGIN,
    ...extra,
  });
  return { p, progress };
}

const stored = (c: FakeCache, i: number): Uint8Array | undefined => {
  const b = c.entries.get(shard(i));
  return b && new Uint8Array(b);
};

describe('a body longer than the manifest says', () => {
  it.each([
    ['streamed, no hash published', null],
    ['held for its hash', listing()],
  ])(
    'is abandoned as soon as too many bytes arrive (%s), tried once more, then reported',
    async (_how, pub) => {
      const net = fakeNet({ [shard(0)]: ['long'] }, pub);
      const c = new FakeCache();
      await expect(run(net, c).p).rejects.toMatchObject({
        name: 'IntegrityError',
        retryable: false,
        message: expect.stringMatching(
          /params_shard_0\.bin: 5000 bytes or more arrived, expected 4000 \(rejected 2 times\)/,
        ) as unknown,
      });
      expect(net.count(shard(0))).toBe(2);
      // The fake server had 400,000 bytes to send each time; the reader stopped after the first chunk too many.
      expect(net.sentBytes[shard(0)]).toBeLessThanOrEqual(2 * (4000 + 2 * 1000));
      expect(net.ends[shard(0)]?.every((e) => e === 'cancelled' || e === 'aborted')).toBe(true);
      expect(c.entries.has(shard(0))).toBe(false);
    },
  );

  it('is refused before any byte is read when its announced length is too long', async () => {
    const net = fakeNet({ [shard(1)]: ['announce-long', 'ok'] }, listing());
    const c = new FakeCache();
    const r = await run(net, c).p;
    expect(net.count(shard(1))).toBe(2);
    expect(net.sentBytes[shard(1)]).toBeLessThanOrEqual(3000 + 1000); // the good copy, and at most one chunk
    expect(stored(c, 1)).toEqual(bytes(1));
    expect(r.files.find((f) => f.name === 'params_shard_1.bin')).toMatchObject({
      fetched: true,
      method: 'sha256',
    });
  });
});

describe('published hashes', () => {
  it('are checked for every shard and the manifest; the progress and the result say so', async () => {
    const net = fakeNet({}, listing());
    const c = new FakeCache();
    const r = run(net, c);
    const got = await r.p;
    expect(got.hashes).toBe('published');
    expect(got.files.map((f) => [f.name, f.found, f.fetched, f.method])).toEqual([
      ['tensor-cache.json', 'missing', true, 'git-sha1'],
      ...SIZES.map((_, i) => [`params_shard_${i}.bin`, 'missing', true, 'sha256']),
    ]);
    expect(r.progress.at(-1)?.hashes).toBe('published');
    expect(net.count(LISTING)).toBe(1);
  });

  it('reject a shard of the right size with the wrong bytes: once is retried, twice is an IntegrityError', async () => {
    const once = fakeNet({ [shard(2)]: ['wrong', 'ok'] }, listing());
    const c = new FakeCache();
    await run(once, c).p;
    expect(once.count(shard(2))).toBe(2);
    expect(stored(c, 2)).toEqual(bytes(2));

    const twice = fakeNet({ [shard(1)]: ['wrong'] }, listing());
    const c2 = new FakeCache();
    await expect(run(twice, c2).p).rejects.toMatchObject({
      name: 'IntegrityError',
      retryable: false,
      message: expect.stringMatching(
        /^params_shard_1\.bin: SHA-256 is [0-9a-f]{12}…, Hugging Face publishes [0-9a-f]{12}… \(rejected 2 times\)$/,
      ) as unknown,
    });
    expect(twice.count(shard(1))).toBe(2);
    expect(c2.entries.has(shard(1))).toBe(false); // never written
    expect(stored(c2, 0)).toEqual(bytes(0)); // the others are kept
  });

  it('check the manifest by its Git SHA-1 before it is stored', async () => {
    const net = fakeNet({ [MANIFEST_URL]: ['wrong'] }, listing());
    const c = new FakeCache();
    await expect(run(net, c).p).rejects.toMatchObject({
      name: 'IntegrityError',
      message: expect.stringContaining('tensor-cache.json: Git SHA-1 is') as unknown,
    });
    expect(net.count(MANIFEST_URL)).toBe(2);
    expect(c.entries.size).toBe(0);
  });

  it('when none are published, shards are checked by size only, and the result says so', async () => {
    // The wrong bytes get through: only a hash could tell. The UI says "checked by size only".
    const net = fakeNet({ [shard(1)]: ['wrong'] }, null);
    const c = new FakeCache();
    const r = run(net, c);
    const got = await r.p;
    expect(net.count(LISTING)).toBe(1);
    expect(got.hashes).toBe('unavailable');
    expect(r.progress.at(-1)?.hashes).toBe('unavailable');
    expect(
      got.files.every(
        (f) => f.method === 'size' || (f.name === 'tensor-cache.json' && f.method === 'content'),
      ),
    ).toBe(true);
    expect(stored(c, 1)?.byteLength).toBe(3000);
  });
});

describe('what is already cached', () => {
  it('counts only entries whose measured size is right: a short one is fetched again, a headerless right one is kept', async () => {
    const c = new FakeCache();
    c.entries.set(MANIFEST_URL, new TextEncoder().encode(MANIFEST).buffer);
    c.entries.set(shard(0), bytes(0).buffer); // right size, no Content-Length stored
    c.entries.set(shard(1), new Uint8Array(10).buffer); // 10 of 3000 bytes, no Content-Length stored
    const net = fakeNet({}, null);
    const got = await run(net, c).p;
    expect(net.calls.filter((u) => u.endsWith('.bin')).sort()).toEqual([shard(1), shard(2), shard(3)]);
    expect(got.files.find((f) => f.name === 'params_shard_1.bin')).toMatchObject({
      found: 'damaged',
      reason: 'params_shard_1.bin has 10 bytes, expected 3000',
      fetched: true,
    });
    expect(got.shardsSkipped).toBe(1);
    expect(stored(c, 1)).toEqual(bytes(1));
  });

  it('is checked byte by byte against the published hash only when asked (Repair), and a bad copy replaced', async () => {
    const seed = (): FakeCache => {
      const c = new FakeCache();
      c.entries.set(MANIFEST_URL, new TextEncoder().encode(MANIFEST).buffer);
      SIZES.forEach((_, i) => c.entries.set(shard(i), bytes(i).buffer));
      c.entries.set(shard(3), bytes(3).map((x) => x ^ 1).buffer); // right size, wrong bytes
      return c;
    };
    const quick = fakeNet({}, listing());
    const c1 = seed();
    expect((await run(quick, c1).p).shardsSkipped).toBe(4); // a resume trusts measured sizes
    expect(quick.calls).toEqual([LISTING]);

    const deep = fakeNet({}, listing());
    const c2 = seed();
    const got = await run(deep, c2, { checkCached: true }).p;
    expect(deep.calls).toEqual([LISTING, shard(3)]);
    expect(got.files.map((f) => [f.name, f.found, f.method])).toEqual([
      ['tensor-cache.json', 'ok', 'git-sha1'],
      ['params_shard_0.bin', 'ok', 'sha256'],
      ['params_shard_1.bin', 'ok', 'sha256'],
      ['params_shard_2.bin', 'ok', 'sha256'],
      ['params_shard_3.bin', 'damaged', 'sha256'],
    ]);
    expect(got.files.at(-1)?.reason).toMatch(/^params_shard_3\.bin: SHA-256 is/);
    expect(stored(c2, 3)).toEqual(bytes(3));
  });
});
