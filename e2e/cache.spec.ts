/**
 * The storage panel against real browser storage: Cache Storage seeded at the exact URLs web-llm uses for
 * catalog models, a GGUF that wllama really downloads into the origin private file system, the app's own
 * IndexedDB database, navigator.storage.estimate() and persistence. Nothing is fetched from outside.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { loadCatalog } from '../build/webllm-catalog';
import { formatBytes } from '../src/ui/format';
import {
  CONFIG_CACHE,
  MODEL_CACHE,
  WASM_CACHE,
  WEBLLM_CACHE_PREFIX,
  WEBLLM_CACHES,
} from '../src/webllm-cache/names';
import { fixtureControl } from './fixtures/fixture-control';
import { MLC_MODEL_DIR, MLC_RESOLVE_DIR, MLC_SHARDS, sha256Hex, shardBytes } from './fixtures/mlc-repo';
import {
  addMlcFixtureModel,
  closeDialog,
  fixtureUrl,
  freshPage,
  loadGguf,
  MLC_REPO,
  openTools,
  sendPrompt,
} from './helpers';
import { BASE_URL, FIXTURES_DIR } from './paths';
import { expect, test } from './test';

const COMPLETE = 'Llama-3.2-1B-Instruct-q4f32_1-MLC';
const PARTIAL = 'SmolLM2-135M-Instruct-q0f32-MLC';
const CACHES: readonly string[] = WEBLLM_CACHES;

/** One cached response: a text body, or `size` bytes (a WebAssembly header first when `wasm`). */
interface Seed {
  cache: string;
  url: string;
  text?: string;
  size?: number;
  wasm?: boolean;
  /** Store a Content-Length header, as responses from the network have. */
  withLength?: boolean;
}

const bytesOf = (s: Seed): number => (s.text !== undefined ? Buffer.byteLength(s.text) : (s.size ?? 0));

/** The catalog's record (base URL as web-llm resolves it) and its model library URL, from the pinned web-llm's records. */
async function record(id: string): Promise<{ base: string; lib: string }> {
  const entry = (await loadCatalog()).find((m) => m.id === id);
  if (!entry) throw new Error(`${id} is not in the catalog`);
  return { base: `${entry.model}/resolve/main/`, lib: entry.modelLib };
}

function manifest(shards: [string, number][]): string {
  return JSON.stringify({
    metadata: { ParamSize: shards.length },
    records: shards.map(([dataPath, nbytes]) => ({ dataPath, format: 'raw-shard', nbytes, records: [] })),
  });
}

async function modelSeeds(): Promise<{ complete: Seed[]; partial: Seed[]; bases: string[] }> {
  const a = await record(COMPLETE);
  const b = await record(PARTIAL);
  const config = JSON.stringify({
    model_type: 'llama',
    context_window_size: 4096,
    tokenizer_files: ['tokenizer.json'],
  });
  const complete: Seed[] = [
    {
      cache: MODEL_CACHE,
      url: a.base + 'tensor-cache.json',
      text: manifest([
        ['params_shard_0.bin', 300_000],
        ['params_shard_1.bin', 200_000],
      ]),
    },
    { cache: MODEL_CACHE, url: a.base + 'params_shard_0.bin', size: 300_000, withLength: true },
    { cache: MODEL_CACHE, url: a.base + 'params_shard_1.bin', size: 200_000 },
    { cache: MODEL_CACHE, url: a.base + 'tokenizer.json', text: '{"model":{}}' },
    { cache: CONFIG_CACHE, url: a.base + 'mlc-chat-config.json', text: config },
    { cache: WASM_CACHE, url: a.lib, size: 4_096, wasm: true },
  ];
  const partial: Seed[] = [
    {
      cache: MODEL_CACHE,
      url: b.base + 'tensor-cache.json',
      text: manifest([
        ['params_shard_0.bin', 100_000],
        ['params_shard_1.bin', 100_000],
      ]),
    },
    { cache: MODEL_CACHE, url: b.base + 'params_shard_0.bin', size: 100_000 },
    { cache: CONFIG_CACHE, url: b.base + 'mlc-chat-config.json', text: config },
  ];
  return { complete, partial, bases: [a.base, b.base] };
}

async function seed(page: Page, seeds: Seed[]): Promise<void> {
  await page.evaluate(async (list) => {
    for (const s of list) {
      let body: BodyInit;
      if (s.text !== undefined) body = s.text;
      else {
        const bytes = new Uint8Array(s.size ?? 0).fill(7);
        if (s.wasm) bytes.set([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
        body = bytes;
      }
      const headers: Record<string, string> = s.withLength ? { 'Content-Length': String(s.size) } : {};
      await (await caches.open(s.cache)).put(s.url, new Response(body, { headers }));
    }
  }, seeds);
}

/** Every URL in the three web-llm caches. */
async function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async (names) => {
    const urls: string[] = [];
    for (const n of names)
      if (await caches.has(n)) urls.push(...(await (await caches.open(n)).keys()).map((r) => r.url));
    return urls;
  }, CACHES);
}

/** Names in wllama's OPFS folder "cache". */
async function wllamaFolder(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names: string[] = [];
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('cache');
    for await (const name of dir.keys()) names.push(name);
    return names;
  });
}

/** The storage panel, in the "Settings and tools" drawer. */
async function panel(page: Page) {
  const drawer = await openTools(page, 'Storage');
  return drawer.getByRole('region', { name: 'Storage and downloaded models' });
}

test('lists cached web-llm models with their sizes and health; Repair keeps what is intact; Delete removes everything', async ({
  page,
}) => {
  const { complete, partial, bases } = await modelSeeds();
  await freshPage(page);
  await seed(page, [...complete, ...partial]);
  const region = await panel(page);
  await region.getByRole('button', { name: 'Refresh storage' }).click();

  const rowA = region.getByRole('row', { name: new RegExp(COMPLETE) });
  const rowB = region.getByRole('row', { name: new RegExp(PARTIAL) });
  const sizeA = complete.reduce((n, s) => n + bytesOf(s), 0);
  const sizeB = partial.reduce((n, s) => n + bytesOf(s), 0);
  await expect(rowA.getByRole('cell').nth(1)).toHaveText(formatBytes(sizeA));
  await expect(rowA.locator('data')).toHaveAttribute('value', String(sizeA));
  await expect(rowA).toContainText('Complete');
  await expect(rowA).toContainText('2 of 2 weight shards · model library · chat config');
  // A model that looks complete can be verified; Repair is for one that does not.
  await expect(rowA.getByRole('button', { name: `Repair ${COMPLETE}` })).toHaveCount(0);
  await expect(rowA.getByRole('button', { name: `Verify ${COMPLETE}` })).toBeVisible();
  await expect(rowB.getByRole('cell').nth(1)).toHaveText(formatBytes(sizeB));
  await expect(rowB.locator('data')).toHaveAttribute('value', String(sizeB));
  await expect(rowB).toContainText('Incomplete: 1 of 2 weight shards missing');

  // Nothing can be fetched here (Hugging Face is out of reach): Repair keeps every intact file and says
  // what it could not fetch, instead of deleting the model as it used to.
  await rowB.getByRole('button', { name: `Repair ${PARTIAL}` }).click();
  const status = region.getByRole('status');
  await expect(status).toContainText(`${PARTIAL}: 3 were missing (`, { timeout: 45_000 });
  await expect(status).toContainText('tokenizer.json, params_shard_1.bin). Could not fetch');
  await expect(status).toContainText(
    'No file hashes are published for this model: files were checked by size and content only.',
  );
  await expect(rowB).toContainText('Incomplete: 1 of 2 weight shards missing');
  expect((await cachedUrls(page)).sort()).toEqual([...complete, ...partial].map((s) => s.url).sort());

  await rowB.getByRole('button', { name: `Delete ${PARTIAL}` }).click();
  await expect(rowB).toHaveCount(0);
  const afterDelete = await cachedUrls(page);
  expect(afterDelete.filter((u) => u.startsWith(bases[1] ?? '-'))).toEqual([]);
  expect(afterDelete.sort()).toEqual(complete.map((s) => s.url).sort());

  await rowA.getByRole('button', { name: `Delete ${COMPLETE}` }).click();
  await expect(region.getByRole('status')).toContainText(`Deleted ${COMPLETE} (${formatBytes(sizeA)})`);
  await expect(region.getByText('No models are downloaded in this browser.')).toBeVisible();
  // Weights, tokenizer, config and library: gone from all three caches.
  expect(await cachedUrls(page)).toEqual([]);
});

test('Repair fetches again only the damaged shard (counted on the fixture server), then reloads the model', async ({
  page,
  request,
}) => {
  const server = fixtureControl(request, BASE_URL);
  await freshPage(page);
  await addMlcFixtureModel(page);
  const pane = page.getByRole('region', { name: 'Pane A' });
  const download = pane.getByRole('button', { name: 'Download model for pane A' });
  await expect(download).toBeEnabled({ timeout: 60_000 }); // web-llm gave up at the placeholder library
  await download.click();
  await expect(pane.getByRole('status').filter({ hasText: 'Weights downloaded' })).toBeVisible();
  // One shard goes bad in the cache: the right size, other bytes. Only its hash can tell.
  const bad = `${MLC_REPO}/resolve/main/params_shard_3.bin`;
  await page.evaluate(
    async ({ name, url }) => {
      const cache = await caches.open(name);
      const size = (await (await cache.match(url))?.arrayBuffer())?.byteLength ?? 0;
      await cache.put(url, new Response(new Uint8Array(size).fill(9)));
    },
    { name: MODEL_CACHE, url: bad },
  );
  await server.reset();
  const region = await panel(page);
  await region.getByRole('button', { name: 'Refresh storage' }).click();
  const row = region.getByRole('row', { name: /Tiny-q4f32_1-MLC/ });
  // Sizes are right; the placeholder library that web-llm cached is what the panel can see is wrong.
  await expect(row).toContainText('Damaged: tiny-q4f32_1-webgpu.wasm is not a WebAssembly file');
  await row.getByRole('button', { name: 'Repair Tiny-q4f32_1-MLC' }).click();
  await expect(region.getByRole('status')).toHaveText(
    'Tiny-q4f32_1-MLC: 2 of 8 files were damaged; 1 was fetched again (tiny-q4f32_1-webgpu.wasm, params_shard_3.bin). ' +
      '1 was missing and was fetched again (tokenizer.json). ' +
      'Could not fetch tiny-q4f32_1-webgpu.wasm intact: tiny-q4f32_1-webgpu.wasm is not a WebAssembly file ' +
      '(after fetching it again). 7 checked against the hashes Hugging Face publishes, 0 by size and content only.',
  );
  const sha = await page.evaluate(
    async ({ name, url }) => {
      const body = await (await (await caches.open(name)).match(url))?.arrayBuffer();
      const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', body ?? new ArrayBuffer(0)));
      return [...hash].map((b) => b.toString(16).padStart(2, '0')).join('');
    },
    { name: MODEL_CACHE, url: bad },
  );
  expect(sha).toBe(sha256Hex(shardBytes(3)));
  // The pane whose load had failed loads the model again: web-llm asks for the library once more.
  const wasm = 'mlc/tiny-q4f32_1-webgpu.wasm';
  await expect.poll(async () => (await server.stats()).counts[wasm]).toBe(2);
  await expect(pane.getByRole('alert', { name: 'Pane A error' })).toContainText(
    'The model library could not be started.',
  );
  const { counts } = await server.stats();
  const files = [
    'tensor-cache.json',
    'mlc-chat-config.json',
    'tokenizer.json',
    ...MLC_SHARDS.map((x) => x.dataPath),
  ];
  expect(Object.fromEntries(files.map((f) => [f, counts[`${MLC_RESOLVE_DIR}/${f}`] ?? 0]))).toEqual({
    'tensor-cache.json': 0,
    'mlc-chat-config.json': 0,
    'tokenizer.json': 1,
    'params_shard_0.bin': 0,
    'params_shard_1.bin': 0,
    'params_shard_2.bin': 0,
    'params_shard_3.bin': 1,
  });
  expect(counts[`api/${MLC_MODEL_DIR}/tree/main`]).toBe(1);
});

test('Delete everything asks first, then empties the caches, wllama’s folder and the app database', async ({
  page,
}) => {
  const { complete } = await modelSeeds();
  // Before the app opens its database, make it recognisable: version 2 with an extra store. Only a real
  // deletion (not a clear) brings it back as version 1 without that store.
  await page.goto('/__fixtures__/not-a-page');
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const r = indexedDB.open('tandem', 2);
        r.onupgradeneeded = () => {
          for (const s of ['state', 'marker'])
            if (!r.result.objectStoreNames.contains(s)) r.result.createObjectStore(s);
        };
        r.onsuccess = () => {
          const tx = r.result.transaction('marker', 'readwrite');
          tx.objectStore('marker').put('here', 'm');
          tx.oncomplete = () => (r.result.close(), resolve());
        };
        r.onerror = () => reject(new Error('cannot seed the database'));
      }),
  );
  await seed(page, complete);
  await page.evaluate(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('cache', { create: true });
    const w = await (
      await dir.getFileHandle('0000000000000000000000000000000000000000_x.gguf', { create: true })
    ).createWritable();
    await w.write(new Uint8Array(50_000));
    await w.close();
  });
  await page.goto('/');
  const region = await panel(page);
  await expect(region.getByRole('row', { name: new RegExp(COMPLETE) })).toBeVisible();
  await expect(region.getByRole('row', { name: /x\.gguf/ })).toContainText('Incomplete: No download record');
  const usage = (): Promise<number> =>
    page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  const before = await usage();

  await region.getByRole('button', { name: 'Delete everything…' }).click();
  const confirm = region.getByRole('group', { name: 'Confirm deleting everything' });
  await expect(confirm).toContainText('cannot be undone');
  await expect(confirm.getByRole('button', { name: 'Confirm delete everything' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(region.getByRole('button', { name: 'Delete everything…' })).toBeFocused();
  expect(await cachedUrls(page)).toHaveLength(complete.length);

  await region.getByRole('button', { name: 'Delete everything…' }).click();
  await confirm.getByRole('button', { name: 'Confirm delete everything' }).click();
  await expect(region.getByRole('status')).toContainText('Deleted every downloaded model');
  await expect(region.getByText('No models are downloaded in this browser.')).toBeVisible();
  const left = await page.evaluate(async (prefix) => {
    const opfs: string[] = [];
    for await (const name of (await navigator.storage.getDirectory()).keys()) opfs.push(name);
    return { caches: (await caches.keys()).filter((n) => n.startsWith(prefix)), opfs };
  }, WEBLLM_CACHE_PREFIX);
  expect(left).toEqual({ caches: [], opfs: [] });
  expect(await usage()).toBeLessThan(before);

  // The app keeps its database open, so the deletion may complete only once this page goes away.
  await page.reload();
  await expect(await panel(page)).toBeVisible();
  const db = await page.evaluate(
    () =>
      new Promise<{ version: number; stores: string[] }>((resolve, reject) => {
        const r = indexedDB.open('tandem');
        r.onsuccess = () => {
          const out = { version: r.result.version, stores: [...r.result.objectStoreNames] };
          r.result.close();
          resolve(out);
        };
        r.onerror = () => reject(new Error('cannot open'));
      }),
  );
  expect(db.stores).not.toContain('marker');
  expect(db.version).toBe(1);
});

test('a GGUF that llama.cpp downloaded is listed from wllama’s cache and can be deleted', async ({
  page,
}) => {
  await freshPage(page);
  await loadGguf(page, 'A', 'story');
  const region = await panel(page);
  const row = region.getByRole('row', { name: /story\.gguf/ });
  const size = statSync(join(FIXTURES_DIR, 'story.gguf')).size;
  await expect(row).toContainText('llama.cpp (GGUF)');
  await expect(row).toContainText('Complete');
  await expect(row.locator('data')).toHaveAttribute('value', String(size));
  // wllama's layout: <sha1 of the URL>_<file name>, plus a __metadata__ sidecar, in OPFS folder "cache".
  const names = await wllamaFolder(page);
  const key = `${createHash('sha1').update(fixtureUrl('story')).digest('hex')}_story.gguf`;
  expect(names.sort()).toEqual([key, `__metadata__${key}`].sort());

  await row.getByRole('button', { name: 'Delete story.gguf' }).click();
  await expect(row).toHaveCount(0);
  const after = await wllamaFolder(page);
  expect(after).toEqual([]);
  // The loaded model keeps working: llama.cpp read the file into memory while loading.
  await closeDialog(page, 'Settings and tools');
  await sendPrompt(page, 'hi');
  await expect(page.getByRole('region', { name: 'Pane A' })).toContainText('Hello from the small model.');
});

test('asks for persistent storage and shows the state the browser reports', async ({ page, baseURL }) => {
  await freshPage(page);
  const region = await panel(page);
  await expect(region).toContainText('Protected from eviction: no');
  // Chrome grants persistence by heuristics; grant it the way a well-used site would have it.
  const cdp = await page.context().newCDPSession(page);
  const { targetInfo } = await cdp.send('Target.getTargetInfo');
  await cdp.send('Browser.grantPermissions', {
    origin: baseURL,
    browserContextId: targetInfo.browserContextId,
    permissions: ['durableStorage'],
  });
  await region.getByRole('button', { name: 'Protect downloads from eviction' }).click();
  await expect(region.getByRole('status')).toContainText('The browser will keep downloaded models');
  await expect(region).toContainText('Protected from eviction: yes');
  expect(await page.evaluate(() => navigator.storage.persisted())).toBe(true);
  await expect(region.getByRole('button', { name: 'Protect downloads from eviction' })).toHaveCount(0);
});
