// The real web-llm, only to check our cache entries with its own hasModelInCache (never shipped from here).
// eslint-disable-next-line no-restricted-imports
import { hasModelInCache } from '@mlc-ai/web-llm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadWeights, type DownloadOptions, type DownloadProgress } from './downloader';
import { FakeCache } from '../webllm-cache/test-fakes';
import { BASE, bytes, fakeNet, REPO, shard, TOTAL } from './test-fakes';

const cache = (): FakeCache => new FakeCache();

function run(net: ReturnType<typeof fakeNet>, c: FakeCache, extra: DownloadOptions = {}) {
  const progress: DownloadProgress[] = [];
  const delays: number[] = [];
  const p = downloadWeights(REPO, {
    fetch: net.fetchFn,
    caches: { open: () => Promise.resolve(c) } as unknown as CacheStorage,
    onProgress: (x) => progress.push(x),
    sleep: (ms) => (delays.push(ms), Promise.resolve()),
    random: () => 0.5,
    ...extra,
  });
  return { p, progress, delays };
}

describe('downloadWeights', () => {
  let webllmCache: FakeCache;
  beforeEach(() => {
    webllmCache = cache();
    vi.stubGlobal('caches', { open: () => Promise.resolve(webllmCache) });
  });
  afterEach(() => vi.unstubAllGlobals());
  const record = { model_list: [{ model: REPO, model_id: 'tiny', model_lib: `${REPO}/lib.wasm` }] };

  it('stores the manifest and every shard under the URLs web-llm uses, two at a time', async () => {
    const net = fakeNet();
    expect(await hasModelInCache('tiny', record)).toBe(false);
    const r = run(net, webllmCache);
    await expect(r.p).resolves.toMatchObject({
      total: TOTAL,
      shardsTotal: 4,
      shardsSkipped: 0,
      bytesFetched: TOTAL,
    });
    expect([...webllmCache.entries.keys()].sort()).toEqual(
      [0, 1, 2, 3].map(shard).concat(`${BASE}tensor-cache.json`).sort(),
    );
    expect(new Uint8Array(webllmCache.entries.get(shard(2)) ?? new ArrayBuffer(0))).toEqual(bytes(2));
    expect(net.max()).toBe(2);
    expect(r.progress.at(-1)).toMatchObject({
      phase: 'done',
      loaded: TOTAL,
      total: TOTAL,
      shardsDone: 4,
      shardsTotal: 4,
      etaS: 0,
    });
    // web-llm's own check agrees, so its load will skip the download.
    expect(await hasModelInCache('tiny', record)).toBe(true);
  });

  it('never refetches shards already cached, nor a cached manifest', async () => {
    await run(fakeNet(), webllmCache).p;
    webllmCache.entries.delete(shard(1));
    expect(await hasModelInCache('tiny', record)).toBe(false);
    const net = fakeNet();
    const r = run(net, webllmCache);
    await expect(r.p).resolves.toMatchObject({ shardsSkipped: 3, bytesFetched: 3000 });
    expect(net.calls).toEqual([shard(1)]);
    expect(r.progress.find((x) => x.phase === 'downloading')).toMatchObject({ loaded: 7000, shardsDone: 3 });
    expect(await hasModelInCache('tiny', record)).toBe(true);
  });

  it('retries network errors, 429 and 5xx with growing, jittered delays', async () => {
    const net = fakeNet({ [shard(0)]: ['neterr', 503, 429, 'ok'] });
    const r = run(net, webllmCache, { backoff: { baseDelayMs: 100, maxDelayMs: 10_000 } });
    await r.p;
    expect(net.count(shard(0))).toBe(4);
    // 100·2^n, half of it jittered (random = 0.5); the 429 said Retry-After: 3.
    expect(r.delays).toEqual([75, 150, 3000]);
    expect(r.progress.some((x) => x.phase === 'retrying')).toBe(true);
  });

  it('keeps no partial entry for a body cut mid-transfer, and the retry stores it whole', async () => {
    const net = fakeNet({ [shard(0)]: ['cut', 'short', 'ok'] });
    const r = run(net, webllmCache);
    await r.p;
    expect(net.count(shard(0))).toBe(3);
    expect(webllmCache.entries.get(shard(0))?.byteLength).toBe(4000);
    // Progress never counts a failed attempt's bytes twice.
    expect(Math.max(...r.progress.map((x) => x.loaded))).toBe(TOTAL);
  });

  it('gives up after the retries, keeps finished shards, starts no new one, and resumes with the rest', async () => {
    const net = fakeNet({ [shard(1)]: ['cut'] });
    const r = run(net, webllmCache, { backoff: { retries: 2 } });
    await expect(r.p).rejects.toMatchObject({
      name: 'NetworkError',
      message: expect.stringMatching(/params_shard_1\.bin.*gave up after 3 attempts/) as unknown,
    });
    expect(net.count(shard(1))).toBe(3);
    expect(webllmCache.entries.has(shard(1))).toBe(false);
    // Shard 0 was in flight beside it: it finished and was kept.
    expect(webllmCache.entries.get(shard(0))?.byteLength).toBe(4000);
    const missing = [1, 2, 3].map(shard).filter((u) => !webllmCache.entries.has(u));
    // Every shard that was requested was also finished, except the one that failed.
    expect(net.calls.filter((u) => u.endsWith('.bin') && !webllmCache.entries.has(u))).toEqual([
      shard(1),
      shard(1),
      shard(1),
    ]);
    const again = fakeNet();
    await run(again, webllmCache).p;
    expect(again.calls.sort()).toEqual(missing.sort());
    expect(await hasModelInCache('tiny', record)).toBe(true);
  });

  it('fails at once with NotFoundError for a missing manifest or shard', async () => {
    const net = fakeNet({ [`${BASE}tensor-cache.json`]: [404] });
    const r = run(net, webllmCache);
    await expect(r.p).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining('tensor-cache.json was not found') as unknown,
    });
    expect(net.calls).toHaveLength(1);
    expect(r.delays).toEqual([]);
    const net2 = fakeNet({ [shard(3)]: [404] });
    await expect(run(net2, webllmCache).p).rejects.toMatchObject({ name: 'NotFoundError' });
    expect(net2.count(shard(3))).toBe(1);
  });

  it('does not retry other client errors', async () => {
    const net = fakeNet({ [shard(0)]: [403] });
    await expect(run(net, webllmCache).p).rejects.toMatchObject({ name: 'HttpError', status: 403 });
    expect(net.count(shard(0))).toBe(1);
  });

  it('passes QuotaExceededError through without retrying', async () => {
    webllmCache.quota = 6000;
    const net = fakeNet();
    const r = run(net, webllmCache);
    await expect(r.p).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(r.delays).toEqual([]);
    expect(new Set(net.calls).size).toBe(net.calls.length);
  });

  it('stops on cancel: no new requests, no partial entries, an AbortError', async () => {
    const ctl = new AbortController();
    const net = fakeNet();
    const r = run(net, webllmCache, {
      signal: ctl.signal,
      onProgress: (x) => x.loaded > 0 && x.phase === 'downloading' && ctl.abort(),
    });
    await expect(r.p).rejects.toMatchObject({ name: 'AbortError' });
    const n = net.calls.length;
    await new Promise((res) => setTimeout(res, 20));
    expect(net.calls.length).toBe(n);
    expect([...webllmCache.entries.keys()].filter((k) => k.endsWith('.bin'))).toEqual([]);
  });

  it('reports speed over the recent window and the time left', async () => {
    let t = 0;
    const net = fakeNet();
    const onChunk: DownloadProgress[] = [];
    const r = run(net, webllmCache, {
      now: () => t,
      concurrency: 1,
      onProgress: (x) => {
        if (x.phase === 'downloading' && x.loaded > 0) onChunk.push(x);
        t += 100; // every report is 100 ms after the previous one
      },
    });
    await r.p;
    const last = onChunk.at(-2);
    expect(last?.bytesPerS).toBeGreaterThan(0);
    expect(last?.etaS).toBeCloseTo((TOTAL - (last?.loaded ?? 0)) / (last?.bytesPerS ?? 1), 6);
    expect(onChunk[0]?.bytesPerS ?? null).toBeNull(); // too early to tell
  });
});
