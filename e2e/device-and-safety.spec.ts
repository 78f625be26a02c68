import { createHash } from 'node:crypto';
import { expect, test } from './test';
import { loadCatalog } from '../build/webllm-catalog';
import { expectedText } from './fixtures/models';
import { fixtureUrl, freshPage, loadGguf, openDeviceCheck, openModels, sendPrompt } from './helpers';

test('the device check reports the SwiftShader adapter, picks q4f32_1 for the default pair and gives a verdict', async ({
  page,
}) => {
  // The storage part of the verdict depends on the browser profile's quota (4 GB in an off-the-record
  // context here, and CDP can only lower it): report a known, ample quota so the test asserts the memory
  // verdict wherever it runs.
  await page.addInitScript(() => {
    StorageManager.prototype.estimate = () => Promise.resolve({ quota: 200 * 1024 ** 3, usage: 0 });
  });
  await freshPage(page);
  // The one-line verdict at the top says it first; the whole check is one click away.
  const line = page.getByRole('status', { name: 'Device verdict' });
  await expect(line).toContainText('May not fit');
  await expect(line).toContainText(/3B \+ 8B need ≈ [\d.]+ GB GPU memory · SwiftShader/);
  const check = await openDeviceCheck(page);
  await expect(check).toContainText(/swiftshader/i);
  await expect(check).toContainText('Browser storage free: 200.00 GB');
  await expect(check).not.toContainText('Not enough free browser storage');
  await expect(check).toContainText('no: q4f32_1 models are used');
  // The default pair, in each pane: what it will run, before anything is loaded.
  await expect(page.getByRole('region', { name: 'Pane A' })).toContainText(
    'This pane will run Llama-3.2-3B-Instruct-q4f32_1-MLC',
  );
  await expect(page.getByRole('region', { name: 'Pane B' })).toContainText(
    'This pane will run Llama-3.1-8B-Instruct-q4f32_1-MLC',
  );
  // The verdict's memory figure is web-llm's published figures for the pair plus 20%.
  const catalog = await loadCatalog();
  const mb = (id: string) => catalog.find((m) => m.id === id)?.vramMB ?? NaN;
  const need =
    ((mb('Llama-3.2-3B-Instruct-q4f32_1-MLC') + mb('Llama-3.1-8B-Instruct-q4f32_1-MLC')) * 1.2) / 1024;
  const verdict = check.getByRole('status', { name: 'Pair verdict' });
  await expect(verdict).toContainText(`needs ≈ ${need.toFixed(1)} GB GPU memory`);
  await expect(verdict).toContainText('May not fit');
  await expect(verdict).toContainText('SwiftShader');
  await expect(check).toContainText('there is no Llama 3.1 7B');
  await expect(line).toContainText(`need ≈ ${need.toFixed(1)} GB GPU memory`);
  await expect(check.getByRole('button', { name: /Compare with Qwen2\.5-7B in pane B/ })).toBeVisible();
  await check
    .getByRole('button', { name: 'Use Llama-3.1-8B-Instruct-q4f32_1-MLC-1k (1k context) in pane B' })
    .click();
  await page.getByRole('button', { name: 'Close Device check' }).click();
  const models = await openModels(page, 'B');
  await expect(models.getByRole('combobox', { name: 'Model for pane B' })).toHaveValue(
    'Llama-3.1-8B-Instruct-q4f32_1-MLC-1k',
  );
});

test('hostile model output stays inert: no HTML inserted, no script run, no remote image fetched', async ({
  page,
}) => {
  const dialogs: string[] = [];
  const leaks: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (r.url().includes('leak')) leaks.push(r.url());
  });
  await freshPage(page);
  await loadGguf(page, 'A', 'hostile');
  await sendPrompt(page, 'Render this.');
  const pane = page.getByRole('region', { name: 'Pane A' });
  const reply = pane.getByRole('article', { name: 'Pane A reply' });
  await expect(reply.getByRole('heading', { name: 'Title' })).toBeVisible();
  // Raw HTML is shown as the text it is.
  await expect(reply).toContainText('<img src=x onerror="window.__pwned=1">');
  await expect(reply).toContainText('<script>window.__pwned=2</script>');
  expect(await reply.locator('img, script, iframe, object, embed').count()).toBe(0);
  // The javascript: link is not a link; the safe one is, with a safe rel.
  await expect(reply.getByRole('link', { name: 'click me' })).toHaveCount(0);
  await expect(reply).toContainText('click me');
  const safe = reply.getByRole('link', { name: 'safe link' });
  await expect(safe).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  await expect(safe).toHaveAttribute('href', 'https://example.org/page');
  // The remote image became a link, never fetched.
  await expect(reply.getByRole('link', { name: /\[image: leak\]/ })).toHaveAttribute(
    'href',
    'http://127.0.0.1:9/leak?q=secret',
  );
  await expect(reply.getByRole('button', { name: 'Copy code' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(leaks).toEqual([]);
  const attrs = await reply.evaluate((el) =>
    [...el.querySelectorAll('*')]
      .flatMap((n) => [...n.attributes].map((a) => a.name))
      .filter((n) => n.startsWith('on')),
  );
  expect(attrs).toEqual([]);
});

test('a link reproduces a comparison: the pair and settings load from the URL, and Copy link makes one', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await freshPage(page);
  const q = new URLSearchParams({
    a: fixtureUrl('story'),
    b: fixtureUrl('other'),
    mode: 'in-turn',
    max_tokens: '64',
  });
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(r.url()));
  await page.goto(`/?${q.toString()}`);
  // Nothing is fetched before the visitor says yes to what the link shows.
  const offer = page.getByRole('region', { name: 'Shared link' });
  await expect(offer).toContainText('This link sets up a comparison');
  await expect(offer).toContainText('Pane A: story.gguf');
  await expect(offer).toContainText('from 127.0.0.1');
  await expect(offer).toContainText('Run mode: in turn (one after the other)');
  await expect(offer).toContainText('Max tokens: 64');
  expect(fetched.filter((u) => u.endsWith('.gguf'))).toEqual([]);
  await offer.getByRole('button', { name: 'Load the linked models' }).click();
  await expect(offer).toBeHidden();
  for (const p of ['A', 'B'] as const)
    await expect(
      page.getByRole('region', { name: `Pane ${p}` }).getByText('Ready', { exact: true }),
    ).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel('In turn (one after the other: fair timing)')).toBeChecked();
  await sendPrompt(page, 'From a link.');
  await expect(page.getByRole('article', { name: 'Pane A reply' })).toHaveText(expectedText('story'));
  await expect(page.getByRole('article', { name: 'Pane B reply' })).toHaveText(expectedText('other'));
  await page.getByRole('button', { name: 'Copy link to this comparison' }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  expect(copied.searchParams.get('a')).toBe(fixtureUrl('story'));
  expect(copied.searchParams.get('b')).toBe(fixtureUrl('other'));
  expect(copied.searchParams.get('mode')).toBe('in-turn');
  expect(copied.searchParams.get('max_tokens')).toBe('64');
});

test('loading a model from the list in one pane never blocks the other pane', async ({ page, offsite }) => {
  await freshPage(page);
  // The default 3B pick cannot be fetched here (no network); pane B still loads and answers.
  await page.getByRole('button', { name: 'Load model in pane A' }).click();
  await loadGguf(page, 'B', 'story');
  const error = page.getByRole('alert', { name: 'Pane A error' });
  await expect(error).toBeVisible({ timeout: 30_000 });
  await expect(error).toContainText('A download failed.');
  // The request came from the engine worker and was stopped before it left the machine.
  expect(offsite.some((u) => u.includes('Llama-3.2-3B-Instruct-q4f32_1-MLC'))).toBe(true);
  await sendPrompt(page, 'Only B can answer.');
  await expect(page.getByRole('article', { name: 'Pane B reply' })).toHaveText(expectedText('story'));
});

test('the production policy is in force: CSP on the page and on the engine worker, cross-origin isolation on', async ({
  page,
  context,
}) => {
  const workerHeaders: Record<string, string>[] = [];
  page.on('response', (r) => {
    if (/\/assets\/worker-[^/]+\.js$/.test(r.url())) workerHeaders.push(r.headers());
  });
  const res = await page.goto('/');
  const csp = res?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toMatch(/connect-src 'self' https:\/\/huggingface\.co/);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("img-src 'self' data: blob:");
  // No inline styles as markup but the first screen's stylesheet, which the build inlined and allows by its
  // exact hash; Trusted Types in the document, with our one policy.
  const inline = await page.evaluate(() => [...document.querySelectorAll('style')].map((e) => e.textContent));
  expect(inline).toHaveLength(1);
  const hash = createHash('sha256')
    .update(inline[0] ?? '', 'utf8')
    .digest('base64');
  expect(csp).toContain(`style-src 'self' 'sha256-${hash}';`);
  expect(meta).toContain(`style-src 'self' 'sha256-${hash}';`);
  expect(csp).not.toContain('unsafe-inline');
  expect(meta).toContain("require-trusted-types-for 'script'; trusted-types default");
  expect(
    await page.evaluate(
      () =>
        (window as { trustedTypes?: { defaultPolicy: { name: string } | null } }).trustedTypes?.defaultPolicy
          ?.name,
    ),
  ).toBe('default');
  // A string cannot become markup (tried in a page of its own, whose report this test does not watch).
  const probe = await context.newPage();
  await probe.goto('/');
  expect(
    await probe.evaluate(() => {
      try {
        document.body.innerHTML = '<img src=x>';
        return 'inserted';
      } catch (e) {
        return e instanceof TypeError ? 'refused' : 'other error';
      }
    }),
  ).toBe('refused');
  await probe.close();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await loadGguf(page, 'A', 'story');
  expect(workerHeaders[0]?.['content-security-policy']).toBe(csp);
  // A model URL the policy would block is refused up front, with the reason.
  const pane = page.getByRole('region', { name: 'Pane B' });
  await openModels(page, 'B');
  await pane.getByText('Add a model by URL').click();
  await pane.getByLabel(/^Model URL/).fill('https://models.example.com/m.gguf');
  await pane.getByRole('button', { name: 'Add and load in pane B' }).click();
  await expect(pane.getByRole('alert')).toContainText(
    'only loads models from this site or over https from huggingface.co',
  );
});
