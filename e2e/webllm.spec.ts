import { expect, test } from './test';
import { CONFIG_CACHE } from '../src/webllm-cache/names';
import { MLC_CONFIG } from './fixtures/models';
import { addMlcFixtureModel, freshPage, MLC_LIB as LIB, MLC_REPO as REPO, openModels } from './helpers';

test('the real web-llm fetches config and model library from the local repository, then fails clearly', async ({
  page,
}) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await freshPage(page);
  const pane = page.getByRole('region', { name: 'Pane B' });
  await openModels(page, 'B');
  await pane.getByText('Add a model by URL').click();
  await pane.getByLabel(/^Model URL/).fill(REPO);
  await pane.getByRole('button', { name: 'Add and load in pane B' }).click();
  // Without a model library the form says what is missing.
  await expect(pane.getByRole('alert')).toContainText('model library');
  await pane.getByLabel(/^Model library URL/).fill(LIB);
  await pane.getByRole('button', { name: 'Add and load in pane B' }).click();

  const error = pane.getByRole('alert', { name: 'Pane B error' });
  await expect(error).toContainText('The model library could not be started.');
  await expect(error.getByText(/CompileError|WebAssembly/)).toBeAttached();
  await expect(pane.getByRole('button', { name: 'Retry loading in pane B' })).toBeVisible();

  // web-llm resolved the repository URL itself (…/resolve/main/) and asked our server for both files.
  expect(requests).toContain(`${REPO}/resolve/main/mlc-chat-config.json`);
  expect(requests).toContain(LIB);
  // …and stored the config in its own cache, as it would a real model's.
  const cached = await page.evaluate(
    async ({ name, url }) => {
      const hit = await (await caches.open(name)).match(url);
      return hit ? ((await hit.json()) as { context_window_size: number }) : null;
    },
    { name: CONFIG_CACHE, url: `${REPO}/resolve/main/mlc-chat-config.json` },
  );
  expect(cached?.context_window_size).toBe(MLC_CONFIG.context_window_size);
  // The other pane was never touched.
  await expect(page.getByRole('region', { name: 'Pane A' }).getByRole('alert')).toHaveCount(0);
});

test('a 503 on the model config is a network failure with a retry that works once the server recovers', async ({
  page,
}) => {
  let failing = true;
  await page
    .context()
    .route(/mlc-chat-config\.json$/, (route) =>
      failing ? route.fulfill({ status: 503, body: 'busy' }) : route.fallback(),
    );
  await freshPage(page);
  await addMlcFixtureModel(page);
  const error = page.getByRole('alert', { name: 'Pane A error' });
  await expect(error).toContainText('A download failed.');
  failing = false;
  await error.getByRole('button', { name: 'Retry loading in pane A' }).click();
  // Past the config now: web-llm reaches the (placeholder) model library and says so.
  await expect(error).toContainText('The model library could not be started.');
});

test('a corrupt cached config (an HTML error page) is reported, and Repair replaces it with the real one', async ({
  page,
}) => {
  let corrupt = true;
  await page.context().route(/mlc-chat-config\.json$/, (route) =>
    corrupt
      ? route.fulfill({
          status: 200,
          contentType: 'text/html',
          body: '<html><body>Proxy login</body></html>',
        })
      : route.fallback(),
  );
  await freshPage(page);
  await addMlcFixtureModel(page);
  const error = page.getByRole('alert', { name: 'Pane A error' });
  await expect(error).toContainText('A downloaded file does not match what was expected.');
  await expect(error.getByText(/JSON|Unexpected token/)).toBeAttached();
  corrupt = false;
  // A plain retry reads the corrupt copy from web-llm's cache again and fails the same way…
  await error.getByRole('button', { name: 'Retry loading in pane A' }).click();
  await expect(error).toContainText('A downloaded file does not match what was expected.');
  // …Repair finds the cached copy damaged (its Git SHA-1 is not the one the repository lists), fetches a
  // good one (and whatever else is missing), and the load gets as far as the model library.
  await error.getByRole('button', { name: 'Repair and reload in pane A' }).click();
  await expect(error).toContainText('The model library could not be started.');
  const cached = await page.evaluate(
    async ({ name, url }) => (await (await caches.open(name)).match(url))?.text(),
    { name: CONFIG_CACHE, url: `${REPO}/resolve/main/mlc-chat-config.json` },
  );
  expect(cached).toContain('context_window_size');
  // What Repair found and did stays on the pane.
  await expect(
    page.getByRole('region', { name: 'Pane A' }).getByRole('status').filter({ hasText: 'Repair:' }),
  ).toContainText(
    'Repair: 1 of 8 files was damaged and was fetched again (mlc-chat-config.json). ' +
      '7 were missing; 6 were fetched again (tiny-q4f32_1-webgpu.wasm, tokenizer.json, tensor-cache.json and 4 more). ' +
      'Could not fetch tiny-q4f32_1-webgpu.wasm intact: tiny-q4f32_1-webgpu.wasm is not a WebAssembly file',
  );
});
