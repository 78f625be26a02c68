/**
 * Works offline after the first visit: the service worker (build/pwa.ts) serves the app from its cache,
 * under the same headers, and a GGUF model already in the browser loads and streams with no network —
 * while model files, test models, inference servers and other origins are never answered by it.
 */
import type { Page, Request } from '@playwright/test';
import { resolve } from 'node:path';
import { readHeadersFile } from '../build/csp';
import { fixtureControl } from './fixtures/fixture-control';
import { expectedText } from './fixtures/models';
import {
  addMlcFixtureModel,
  fixtureUrl,
  loadGguf,
  MLC_LIB,
  MLC_REPO,
  openModels,
  sendPrompt,
  setSharedMaxTokens,
} from './helpers';
import { BASE_URL, REMOTE_URL } from './paths';
import { expect, test } from './test';

// The suite blocks service workers elsewhere (playwright.config.ts); here it is what is tested.
test.use({ serviceWorkers: 'allow' });

const pane = (page: Page, p: 'A' | 'B') => page.getByRole('region', { name: `Pane ${p}` });
const reply = (page: Page, p: 'A' | 'B') => pane(page, p).getByRole('article', { name: `Pane ${p} reply` });
const stored = (page: Page) =>
  page.getByRole('status').filter({ hasText: 'Tandem is now stored in this browser' });

/** The first visit, until the service worker has stored the app (its install precaches everything). */
async function firstVisit(page: Page): Promise<void> {
  await page.goto('/');
  await expect(stored(page)).toBeVisible({ timeout: 60_000 });
  expect(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active?.state))).toBe(
    'activated',
  );
}

/** Every URL the app's precache holds. */
async function precached(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys())
      if (name.startsWith('workbox-precache'))
        urls.push(...(await (await caches.open(name)).keys()).map((r) => r.url));
    return urls;
  });
}

test('offline after the first visit: the app opens from the cache, isolated under its CSP, and a downloaded GGUF model loads and streams with no request for its weights', async ({
  page,
  context,
  request,
}) => {
  const fixtures = fixtureControl(request, BASE_URL);
  await firstVisit(page);
  await loadGguf(page, 'A', 'story');
  const servedBefore = (await fixtures.stats()).counts['story.gguf'] ?? 0;
  expect(servedBefore).toBeGreaterThan(0);

  const offline: Request[] = [];
  page.on('request', (r) => offline.push(r));
  await context.setOffline(true);
  const page1 = await page.reload();
  // The page itself came from the service worker, with the headers it was stored with.
  expect(page1?.fromServiceWorker()).toBe(true);
  const headers = page1?.headers() ?? {};
  // The headers the build wrote for static hosts (_headers), which the preview server sends.
  const built = readHeadersFile(resolve(process.env.TANDEM_OUT ?? 'dist'));
  expect(built?.['Content-Security-Policy']).toContain("'sha256-");
  for (const [name, value] of Object.entries(built ?? {})) expect(headers[name.toLowerCase()]).toBe(value);
  await expect(pane(page, 'A')).toBeVisible();
  expect(
    await page.evaluate(() => ({
      isolated: crossOriginIsolated,
      controlled: navigator.serviceWorker.controller !== null,
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
    })),
  ).toEqual({
    isolated: true,
    controlled: true,
    csp: expect.stringContaining("require-trusted-types-for 'script'; trusted-types default") as unknown,
  });

  // The address names the loaded model, so pane A loads it again by itself: from llama.cpp's cache.
  await expect(pane(page, 'A').getByText('Ready', { exact: true })).toBeVisible({ timeout: 60_000 });
  // And the same model added again by its URL, in pane B.
  await loadGguf(page, 'B', 'story');
  await sendPrompt(page, 'Still there without a network?');
  await expect(reply(page, 'A')).toHaveText(expectedText('story'));
  await expect(reply(page, 'B')).toHaveText(expectedText('story'));

  // No request for the weights was even attempted, and the server saw none.
  expect(offline.map((r) => r.url()).filter((u) => new URL(u).pathname.endsWith('.gguf'))).toEqual([]);
  expect((await fixtures.stats()).counts['story.gguf'] ?? 0).toBe(servedBefore);
  // Whatever the page and its workers fetched offline (the app, the engine worker, llama.cpp's
  // WebAssembly) came from the service worker.
  const fetched = await Promise.all(offline.map(async (r) => ({ url: r.url(), res: await r.response() })));
  expect(fetched.filter((f) => !f.res?.fromServiceWorker()).map((f) => f.url)).toEqual([]);
  expect(fetched.map((f) => f.url)).toContainEqual(expect.stringMatching(/\/assets\/wllama-[\w-]+\.wasm$/));

  // The weights are not in the service worker's cache: asked for directly, they cannot be had offline.
  expect((await precached(page)).filter((u) => u.includes('.gguf') || u.includes('/__fixtures__/'))).toEqual(
    [],
  );
  expect(
    await page.evaluate(
      (url) =>
        fetch(url).then(
          () => 'served',
          () => 'failed',
        ),
      fixtureUrl('story'),
    ),
  ).toBe('failed');
});

test('offline, web-llm reads its cached config and model library with no request; a model never downloaded fails clearly', async ({
  page,
  context,
}) => {
  await firstVisit(page);
  // The suite's MLC model gets as far as web-llm can take it here (its library cannot run) …
  await addMlcFixtureModel(page);
  const error = (p: 'A' | 'B') => pane(page, p).getByRole('alert', { name: `Pane ${p} error` });
  await expect(error('A')).toContainText('The model library could not be started.');

  const offline: string[] = [];
  page.on('request', (r) => offline.push(r.url()));
  await context.setOffline(true);
  await page.reload();
  // … and just as far offline, from web-llm's own cache: nothing of the model was asked for.
  await addMlcFixtureModel(page);
  await expect(error('A')).toContainText('The model library could not be started.');
  expect(offline.filter((u) => u.startsWith(MLC_REPO) || u === MLC_LIB)).toEqual([]);

  // A GGUF model never downloaded cannot load offline: the pane says why and offers a retry.
  await openModels(page, 'B');
  await pane(page, 'B').getByText('Add a model by URL').click();
  await pane(page, 'B')
    .getByLabel(/^Model URL/)
    .fill(fixtureUrl('other'));
  await pane(page, 'B').getByRole('button', { name: 'Add and load in pane B' }).click();
  await expect(error('B')).toContainText('A download failed. Check the connection and retry');
  await expect(pane(page, 'B').getByRole('button', { name: 'Retry loading in pane B' })).toBeVisible();
});

test('online, the service worker answers only the app’s own files: never models, servers or other origins', async ({
  page,
  context,
  offsite,
}) => {
  const bySw: string[] = [];
  context.on('request', (r) => {
    if (r.serviceWorker()) bySw.push(r.url());
  });
  await firstVisit(page);
  const installed = bySw.length;

  // The app, its lazy chunks and both runtimes are stored.
  const urls = (await precached(page)).map((u) => new URL(u).pathname);
  for (const file of [
    /^\/index\.html$/,
    /^\/manifest\.webmanifest$/,
    /^\/pwa-512x512\.png$/,
    /^\/assets\/worker-[\w-]+\.js$/,
    /^\/assets\/wllama-[\w-]+\.wasm$/,
    /^\/assets\/lib-[\w-]+\.js$/,
    /^\/assets\/markdown-[\w-]+\.js$/,
    /^\/assets\/charts-[\w-]+\.js$/,
    /^\/assets\/quality-section-[\w-]+\.js$/,
  ])
    expect(urls, String(file)).toContainEqual(expect.stringMatching(file));

  const responses: { url: string; sw: boolean }[] = [];
  page.on('response', (r) => responses.push({ url: r.url(), sw: r.fromServiceWorker() }));
  await loadGguf(page, 'A', 'story');
  // (Room in the resource timing buffer, which the page's own files may have filled.)
  await page.evaluate(() => performance.clearResourceTimings());
  // A test model (this origin, but not the app) and an inference server (another origin): the network's.
  // The server's request does not even reach the service worker: the browser routes other origins past
  // it (build/sw-routes.ts), as the request's resource timing tells.
  expect(await page.evaluate((url) => fetch(url).then((r) => r.status), `${REMOTE_URL}/v1/models`)).toBe(200);
  await expect
    .poll(() =>
      page.evaluate((url) => {
        const [entry] = performance.getEntriesByName(url) as (PerformanceResourceTiming & {
          workerMatchedSourceType?: string;
        })[];
        return entry?.workerMatchedSourceType;
      }, `${REMOTE_URL}/v1/models`),
    )
    .toBe('network');
  // A model host: it goes to the network (where this suite cuts it off), not to a cache.
  expect(
    await page.evaluate(
      (url) =>
        fetch(url).then(
          () => 'answered',
          () => 'failed',
        ),
      'https://huggingface.co/org/model/resolve/main/model.gguf',
    ),
  ).toBe('failed');
  expect(offsite).toContain('https://huggingface.co/org/model/resolve/main/model.gguf');

  const from = (pattern: RegExp) => responses.filter((r) => pattern.test(r.url));
  expect(from(/\/__fixtures__\/story\.gguf$/).length).toBeGreaterThan(0);
  expect(from(/\/__fixtures__\/story\.gguf$/).every((r) => !r.sw)).toBe(true);
  expect(from(/\/v1\/models$/).map((r) => r.sw)).toEqual([false]);
  // …while the app's own files did come from it (the page is controlled since the install).
  expect(from(/\/assets\/worker-[\w-]+\.js$/).map((r) => r.sw)).toEqual([true]);
  // The service worker itself fetched nothing after its install: it passed nothing on for anyone.
  expect(bySw.slice(installed)).toEqual([]);

  // With no new version deployed, an update check finds nothing and the page says nothing.
  expect(
    await page.evaluate(async () => {
      const r = await navigator.serviceWorker.ready;
      await r.update();
      return r.waiting === null && r.installing === null;
    }),
  ).toBe(true);
  await expect(page.getByText('A new version of Tandem')).toHaveCount(0);
});

test('installable: a web app manifest with PNG icons, maskable included', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.evaluate(() =>
    document.querySelector('link[rel="manifest"]')?.getAttribute('href'),
  );
  expect(href).toBe('/manifest.webmanifest');
  const manifest = (await (await request.get(`${BASE_URL}${href ?? ''}`)).json()) as {
    name: string;
    short_name: string;
    display: string;
    start_url: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest).toMatchObject({
    name: 'Tandem',
    short_name: 'Tandem',
    display: 'standalone',
    start_url: '/',
  });
  const sizes = manifest.icons.map((i) => `${i.sizes}${i.purpose ? ` ${i.purpose}` : ''}`);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512', '512x512 maskable']));
  for (const icon of manifest.icons) {
    const res = await request.get(`${BASE_URL}/${icon.src}`);
    expect(res.headers()['content-type']).toBe('image/png');
    const body = await res.body();
    expect(body.subarray(1, 4).toString()).toBe('PNG');
    expect(body.byteLength).toBeLessThan(50 * 1024);
  }
});

test('an update waits for the visitor, and for the reply that is streaming: then the page reloads, the reply kept', async ({
  page,
  request,
}) => {
  const fixtures = fixtureControl(request, BASE_URL);
  await firstVisit(page);
  await loadGguf(page, 'A', 'loop');
  await setSharedMaxTokens(page, 100000);
  try {
    await fixtures.deploy();
    // The hourly check, now.
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
    const notice = page.getByRole('status').filter({ hasText: 'A new version of Tandem is ready' });
    await expect(notice).toBeVisible({ timeout: 30_000 });
    await expect(notice.getByRole('button', { name: 'Reload to update' })).toBeVisible();
    // Nothing reloads by itself: this mark would be gone after a reload.
    await page.evaluate(() => Object.assign(window, { beforeUpdate: true }));

    await sendPrompt(page, 'Go on forever.');
    const live = pane(page, 'A').getByRole('article', { name: 'Pane A reply (streaming)' });
    await expect(live).toContainText('tick tock');
    await notice.getByRole('button', { name: 'Reload after the current reply' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Tandem will reload to update after the current reply.' }),
    ).toBeVisible();
    // The reply goes on: the page did not reload.
    const before = ((await live.textContent()) ?? '').length;
    await expect.poll(async () => ((await live.textContent()) ?? '').length).toBeGreaterThan(before + 20);
    expect(await page.evaluate(() => 'beforeUpdate' in window)).toBe(true);

    // The reply ends (stopped here): now the page reloads, into the new version, with the reply kept.
    const reloaded = page.waitForEvent('load', { timeout: 30_000 });
    await pane(page, 'A').getByRole('button', { name: 'Stop pane A' }).click();
    await reloaded;
    expect(await page.evaluate(() => 'beforeUpdate' in window)).toBe(false);
    await expect(reply(page, 'A')).toContainText('tick tock');
    await expect(reply(page, 'A')).toContainText('(stopped)');
    await expect(page.getByText('A new version of Tandem')).toHaveCount(0);
    expect(
      await page.evaluate(async () => {
        const r = await navigator.serviceWorker.ready;
        return { waiting: r.waiting !== null, controlled: navigator.serviceWorker.controller !== null };
      }),
    ).toEqual({ waiting: false, controlled: true });
  } finally {
    await fixtures.reset();
  }
});
