/**
 * "Download now, load later": the app fetches a web-llm model's shards itself, into web-llm's own cache,
 * against the fake MLC repository — with retries, resume, clear failures — and web-llm then finds them.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { MODEL_CACHE } from '../src/webllm-cache/names';
import { fixtureControl } from './fixtures/fixture-control';
import {
  MLC_MODEL_DIR,
  MLC_RESOLVE_DIR,
  MLC_SHARDS,
  MLC_TOTAL_BYTES,
  sha256Hex,
  shardBytes,
} from './fixtures/mlc-repo';
import { addMlcFixtureModel, freshPage, MLC_LIB as LIB, MLC_REPO as REPO } from './helpers';
import { BASE_URL, FIXTURES_DIR } from './paths';

const BASE = `${BASE_URL}/__fixtures__/${MLC_RESOLVE_DIR}/`;
const MANIFEST = `${BASE}tensor-cache.json`;
const SHARD_URLS = MLC_SHARDS.map((s) => BASE + s.dataPath);
/** The same files as the fixture server counts them, and its Hugging Face file listing. */
const SHARD_PATHS = MLC_SHARDS.map((s) => `${MLC_RESOLVE_DIR}/${s.dataPath}`);
const LISTING = `api/${MLC_MODEL_DIR}/tree/main`;
const WEBLLM_LIB = resolve(import.meta.dirname, '..', 'node_modules/@mlc-ai/web-llm/lib/index.js');
const bytesText = (n: number): string =>
  `${n.toLocaleString('en-US')} of ${MLC_TOTAL_BYTES.toLocaleString('en-US')} bytes`;

/** Counts every request the page and its workers make, per URL (routed and aborted ones included). */
function countRequests(page: Page): (url: string) => number {
  const seen: string[] = [];
  page.on('request', (r) => seen.push(r.url()));
  return (url) => seen.filter((u) => u === url).length;
}

/** Picks the fake MLC model for pane A through the URL form; its first load fails at the placeholder library. */
async function pickTinyModel(page: Page) {
  await freshPage(page);
  const pane = page.getByRole('region', { name: 'Pane A' });
  await addMlcFixtureModel(page);
  const download = pane.getByRole('button', { name: 'Download model for pane A' });
  // Disabled while the pane loads; enabled once web-llm has given up at the library.
  await expect(download).toBeEnabled({ timeout: 60_000 });
  return {
    pane,
    download,
    bar: pane.getByRole('progressbar', { name: 'Pane A download progress' }),
    error: pane.getByRole('alert', { name: 'Pane A download error' }),
  };
}

/** A server that sends `head`, announcing `length` bytes, then resets the connection. */
async function midBodyDropper(head: Uint8Array, length: number) {
  const hits = { n: 0 };
  const server: Server = createServer((req, res) => {
    hits.n++;
    res.writeHead(200, { 'Content-Length': String(length), 'Content-Type': 'application/octet-stream' });
    res.write(head, () => setTimeout(() => req.socket.destroy(), 50));
  });
  server.unref();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/drop`, server, hits };
}

/** What web-llm's weight cache holds: URL → size and SHA-256 of the body. */
async function webllmModelCache(page: Page): Promise<Record<string, { size: number; sha256: string }>> {
  return page.evaluate(async (name) => {
    const cache = await caches.open(name);
    const out: Record<string, { size: number; sha256: string }> = {};
    for (const req of await cache.keys()) {
      const body = await (await cache.match(req))?.arrayBuffer();
      if (!body) continue;
      const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
      out[req.url] = {
        size: body.byteLength,
        sha256: [...hash].map((b) => b.toString(16).padStart(2, '0')).join(''),
      };
    }
    return out;
  }, MODEL_CACHE);
}

/** web-llm's own `hasModelInCache`, from the real package (served to the page only for this check). */
async function webllmHasModel(page: Page): Promise<boolean> {
  const src = `${BASE_URL}/__test__/web-llm.js`;
  await page.route(src, (r) => r.fulfill({ path: WEBLLM_LIB, contentType: 'text/javascript' }));
  return page.evaluate(
    async ({ src, repo, lib }) => {
      const webllm = (await import(src)) as {
        hasModelInCache: (id: string, cfg: object) => Promise<boolean>;
      };
      return webllm.hasModelInCache('Tiny', {
        model_list: [{ model: repo, model_id: 'Tiny', model_lib: lib }],
      });
    },
    { src, repo: REPO, lib: LIB },
  );
}

test('downloads every shard with live figures, retries a dropped and a truncated shard, and web-llm then finds them all', async ({
  page,
  context,
}) => {
  const count = countRequests(page);
  const { pane, download, bar } = await pickTinyModel(page);
  // Shard 2 fails three ways before the fourth try gets through: the connection resets before any byte;
  // it drops mid-body (a real TCP reset, from a side server the request is rerouted to); and the server
  // ends the body early while claiming it complete, which the browser itself accepts.
  const dropper = await midBodyDropper(shardBytes(2).slice(0, 100_000), MLC_SHARDS[2]?.nbytes ?? 0);
  let tries = 0;
  await context.route(SHARD_URLS[2] ?? '', async (route) => {
    tries++;
    if (tries === 1) return route.abort('connectionreset');
    if (tries === 2) return route.continue({ url: dropper.url });
    if (tries === 3) return route.fulfill({ status: 200, body: Buffer.from(shardBytes(2).slice(0, 50_000)) });
    return route.continue();
  });
  // ~200 KB/s, so the transfer lasts long enough to watch.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: 200 * 1024,
    uploadThroughput: -1,
  });

  expect(await webllmHasModel(page)).toBe(false);
  await download.click();
  const text = pane.locator('.download-panel .load-text');
  await expect(text).toContainText(/Downloading · .* · \d+\.\d MB\/s · ETA \d+ s · shards [0-3]\/4/);
  // The bar must carry a number: a missing attribute would read as Number(null) = 0 and pass.
  const now = await bar.getAttribute('aria-valuenow');
  expect(now).toMatch(/^\d+(\.\d+)?$/);
  const midway = Number(now);
  expect(midway).toBeGreaterThanOrEqual(0);
  expect(midway).toBeLessThan(100);
  await expect(pane.getByRole('button', { name: 'Cancel download for pane A' })).toBeVisible();
  // The fixture server publishes the repository's file listing, as Hugging Face does: hashes are checked.
  await expect(pane.getByText(/checked against the SHA-256 Hugging Face publishes/)).toBeVisible();

  await expect(bar).toHaveAttribute('aria-valuenow', '100', { timeout: 30_000 });
  await expect(bar).toHaveAttribute('aria-valuetext', `100%, ${bytesText(MLC_TOTAL_BYTES)}`);
  await expect(text).toContainText('Downloaded · 673.7 KB / 673.7 KB · 100% ·');
  await expect(text).toContainText('shards 4/4');
  await expect(pane.getByRole('status').filter({ hasText: 'Weights downloaded' })).toBeVisible();
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });

  // Each shard once, except the one that failed twice; the manifest once.
  expect(SHARD_URLS.map(count)).toEqual([1, 1, 4, 1]);
  expect(count(MANIFEST)).toBe(1);

  // The cache holds every shard, whole and byte-identical, under the URLs web-llm derives.
  const cached = await webllmModelCache(page);
  expect(Object.keys(cached).sort()).toEqual([MANIFEST, ...SHARD_URLS].sort());
  MLC_SHARDS.forEach((s, i) => {
    expect(cached[SHARD_URLS[i] ?? '']).toEqual({ size: s.nbytes, sha256: sha256Hex(shardBytes(i)) });
  });
  expect(cached[MANIFEST]?.sha256).toBe(
    sha256Hex(readFileSync(resolve(FIXTURES_DIR, MLC_RESOLVE_DIR, 'tensor-cache.json'))),
  );

  // web-llm's own check, run from the real package in the page: now the model is in its cache.
  expect(await webllmHasModel(page)).toBe(true);

  expect(SHARD_URLS.map(count)).toEqual([1, 1, 4, 1]);
  expect(count(MANIFEST)).toBe(1);
  expect(dropper.hits.n).toBe(1);
  dropper.server.close();
});

test('a drop that outlasts the retries is reported, and "Retry download" fetches only the missing shard', async ({
  page,
  context,
}) => {
  const count = countRequests(page);
  const { download, bar, error } = await pickTinyModel(page);
  await context.route(SHARD_URLS[1] ?? '', (route) => route.abort('connectionreset'));
  await download.click();
  await expect(error).toContainText('The download failed.', { timeout: 45_000 });
  await expect(
    error.getByText(/params_shard_1\.bin: network error .*gave up after 5 attempts/),
  ).toBeAttached();
  // Five tries of the broken shard, one of each other shard: the others finished and were kept.
  expect(SHARD_URLS.map(count)).toEqual([1, 5, 1, 1]);
  const kept = Object.keys(await webllmModelCache(page));
  expect(kept.sort()).toEqual([MANIFEST, SHARD_URLS[0], SHARD_URLS[2], SHARD_URLS[3]].sort());
  const partial = MLC_TOTAL_BYTES - (MLC_SHARDS[1]?.nbytes ?? 0);
  await expect(bar).toHaveAttribute('aria-valuetext', new RegExp(bytesText(partial)));

  await context.unroute(SHARD_URLS[1] ?? '');
  await error.getByRole('button', { name: 'Retry download for pane A' }).click();
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  await expect(bar).toHaveAttribute('aria-valuetext', `100%, ${bytesText(MLC_TOTAL_BYTES)}`);
  await expect(error).toHaveCount(0);
  // Only the missing shard went over the network again; not even the manifest was refetched.
  expect(SHARD_URLS.map(count)).toEqual([1, 6, 1, 1]);
  expect(count(MANIFEST)).toBe(1);
});

test('a page reload mid-download loses nothing finished: the next download fetches only the rest', async ({
  page,
  context,
}) => {
  const count = countRequests(page);
  const { pane, download, bar } = await pickTinyModel(page);
  const cdp = await context.newCDPSession(page);
  const throttle = (bytesPerS: number) =>
    cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: bytesPerS,
      uploadThroughput: -1,
    });
  await throttle(100 * 1024);
  await download.click();
  await expect(pane.locator('.download-panel .load-text')).toContainText(/shards [12]\/4/, {
    timeout: 30_000,
  });
  await page.reload();
  await throttle(-1);
  const before = Object.keys(await webllmModelCache(page)).filter((u) => u.endsWith('.bin'));
  expect(before.length).toBeGreaterThanOrEqual(1);
  expect(before.length).toBeLessThan(SHARD_URLS.length);

  // The page restores pane A's model; downloading it again picks up where the reload cut in.
  const again = page
    .getByRole('region', { name: 'Pane A' })
    .getByRole('button', { name: 'Download model for pane A' });
  await expect(again).toBeEnabled({ timeout: 60_000 });
  await again.click();
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  await expect(bar).toHaveAttribute('aria-valuetext', `100%, ${bytesText(MLC_TOTAL_BYTES)}`);
  for (const url of before) expect(count(url), url).toBe(1);
  expect(Object.keys(await webllmModelCache(page)).sort()).toEqual([MANIFEST, ...SHARD_URLS].sort());
});

test('a missing tensor-cache.json is reported as not found, at once and without retrying', async ({
  page,
  context,
}) => {
  const count = countRequests(page);
  const { download, error } = await pickTinyModel(page);
  await context.route(MANIFEST, (route) => route.fulfill({ status: 404, body: 'Entry not found' }));
  await download.click();
  await expect(error).toContainText('Not found: the model’s files are not at that address.');
  await expect(error.getByText(`tensor-cache.json was not found (HTTP 404) at ${MANIFEST}`)).toBeAttached();
  await expect(error.getByRole('button', { name: 'Retry download for pane A' })).toBeVisible();
  expect(count(MANIFEST)).toBe(1);
  expect(SHARD_URLS.map(count)).toEqual([0, 0, 0, 0]);
});

test('a full disk fails at once with QuotaExceededError, without retries', async ({ page, context }) => {
  const count = countRequests(page);
  const { download, error } = await pickTinyModel(page);
  // Room for the manifest and about one shard more than what is stored already.
  const used = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: BASE_URL, quotaSize: used + 300_000 });
  await download.click();
  await expect(error).toContainText('The browser has no storage space left for this model.');
  await expect(
    error.getByText(/QuotaExceededError: No storage space left for params_shard_\d\.bin/),
  ).toBeAttached();
  // Nothing was fetched twice, and the model is not complete in the cache.
  expect(SHARD_URLS.map(count).every((n) => n <= 1)).toBe(true);
  expect(Object.keys(await webllmModelCache(page)).length).toBeLessThan(SHARD_URLS.length + 1);
  expect(await webllmHasModel(page)).toBe(false);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: BASE_URL });
});

test('a shard of the right size with the wrong bytes is caught by its SHA-256 and never stored; Repair fetches only what is missing', async ({
  page,
  request,
}) => {
  const server = fixtureControl(request, BASE_URL);
  const { pane, download, error } = await pickTinyModel(page);
  await server.reset();
  await server.fault(SHARD_PATHS[1] ?? '', 'wrong-bytes');
  await download.click();
  await expect(error).toContainText('A downloaded file does not match what was expected.');
  await expect(
    error.getByText(
      /params_shard_1\.bin: SHA-256 is [0-9a-f]{12}…, Hugging Face publishes [0-9a-f]{12}… \(rejected 2 times\)/,
    ),
  ).toBeAttached();
  // Tried once more, then given up; the others were fetched once each and kept, byte-identical.
  let counts = (await server.stats()).counts;
  expect(SHARD_PATHS.map((p) => counts[p] ?? 0)).toEqual([1, 2, 1, 1]);
  expect(counts[LISTING]).toBe(1);
  const cached = await webllmModelCache(page);
  expect(cached[SHARD_URLS[1] ?? '']).toBeUndefined();
  for (const i of [0, 2, 3]) expect(cached[SHARD_URLS[i] ?? '']?.sha256).toBe(sha256Hex(shardBytes(i)));

  // The server sends the real bytes again; Repair checks every cached file and fetches only what it must.
  await server.reset();
  await error.getByRole('button', { name: 'Repair model files for pane A' }).click();
  const report = pane.getByRole('status').filter({ hasText: 'fetched again' });
  // The fixture's model library is a placeholder (no TVM library can be built here): Repair says so.
  await expect(report).toHaveText(
    '1 of 8 files was damaged (tiny-q4f32_1-webgpu.wasm). ' +
      '2 were missing and were fetched again (tokenizer.json, params_shard_1.bin). ' +
      'Could not fetch tiny-q4f32_1-webgpu.wasm intact: tiny-q4f32_1-webgpu.wasm is not a WebAssembly file ' +
      '(after fetching it again). 7 checked against the hashes Hugging Face publishes, 0 by size and content only.',
  );
  counts = (await server.stats()).counts;
  expect(SHARD_PATHS.map((p) => counts[p] ?? 0)).toEqual([0, 1, 0, 0]);
  expect(counts[`${MLC_RESOLVE_DIR}/tensor-cache.json`] ?? 0).toBe(0);
  expect(counts[`${MLC_RESOLVE_DIR}/mlc-chat-config.json`] ?? 0).toBe(0);
  expect(counts[LISTING]).toBe(1);
  const repaired = await webllmModelCache(page);
  MLC_SHARDS.forEach((_, i) => {
    expect(repaired[SHARD_URLS[i] ?? '']?.sha256).toBe(sha256Hex(shardBytes(i)));
  });
  expect(await webllmHasModel(page)).toBe(true);
});

test('a body longer than the manifest says is cut off as soon as too many bytes arrive', async ({
  page,
  request,
}) => {
  const server = fixtureControl(request, BASE_URL);
  const { download, error } = await pickTinyModel(page);
  await server.reset();
  // Both tries get the shard's 262,144 bytes followed by 64 MiB more, with no Content-Length.
  await server.fault(SHARD_PATHS[0] ?? '', 'oversize', 2);
  await download.click();
  await expect(error).toContainText('A downloaded file does not match what was expected.');
  await expect(
    error.getByText(/params_shard_0\.bin: \d+ bytes or more arrived, expected 262144 \(rejected 2 times\)/),
  ).toBeAttached();
  // Seen from the server: the app closed both connections long before the bodies were sent.
  await expect.poll(async () => (await server.stats()).transfers.filter((t) => t.closedEarly).length).toBe(2);
  const { transfers, counts } = await server.stats();
  expect(counts[SHARD_PATHS[0] ?? '']).toBe(2);
  for (const t of transfers) {
    expect(t).toMatchObject({ path: SHARD_PATHS[0], mode: 'oversize', finished: false, closedEarly: true });
    // The server's writes run ahead of what the page has read (socket buffers, and a busy machine's delay
    // before the abort lands): well short of the whole body is the claim, not a tight bound.
    expect(t.sent).toBeLessThan(t.total / 2);
  }
  expect(Object.keys(await webllmModelCache(page))).not.toContain(SHARD_URLS[0]);
});
