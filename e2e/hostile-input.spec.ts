/**
 * No input breaks the app, and nothing is lost: replies the Markdown parser cannot take, links into the
 * app, a saved session that is not what the app wrote, a model URL with a bad percent-escape. Each of
 * these blanked the page (for good, once saved) or opened a pre-configured copy of the app.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './test';
import {
  fixtureUrl,
  freshPage,
  loadGguf,
  openModels,
  openTools,
  readSavedRecord,
  sendPrompt,
  writeSavedRecord,
} from './helpers';

const pane = (page: Page, p: 'A' | 'B') => page.getByRole('region', { name: `Pane ${p}` });
const reply = (page: Page, p: 'A' | 'B') =>
  pane(page, p).getByRole('article', { name: `Pane ${p} reply`, exact: true });

async function savedSystemPrompt(page: Page): Promise<unknown> {
  const saved = (await readSavedRecord(page)) as { settings?: { systemPrompt?: unknown } } | undefined;
  return saved?.settings?.systemPrompt;
}

test('replies of ~3 KB of nested `>` and `- ` show as plain text, and the page survives a reload', async ({
  page,
}) => {
  await freshPage(page);
  await loadGguf(page, 'A', 'nestedQuote');
  await loadGguf(page, 'B', 'nestedList');
  await sendPrompt(page, 'Nest.');
  const note = 'Shown as plain text: this reply nests quotes or lists more than 32 levels deep';
  for (const [p, end] of [
    ['A', '> deep quote'],
    ['B', '- deep list'],
  ] as const) {
    await expect(reply(page, p)).toContainText(note);
    await expect(reply(page, p)).toContainText(end);
  }
  expect(await reply(page, 'A').locator('blockquote').count()).toBe(0);
  // The reply is saved as it is; the page that restores it still renders.
  await page.reload();
  await expect(reply(page, 'A')).toContainText('> deep quote');
  await expect(reply(page, 'B')).toContainText('- deep list');
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeVisible();
});

test('a table 300 columns wide shows as text with the reason, and a reload still works', async ({ page }) => {
  await freshPage(page);
  await loadGguf(page, 'A', 'wideTable');
  await sendPrompt(page, 'Tabulate.');
  const r = reply(page, 'A');
  await expect(r).toContainText(
    'The rest is shown as plain text: this reply has a table wider than 64 columns',
  );
  await expect(r).toContainText('| 11.299 |');
  await expect(r.getByText('Wide:', { exact: true })).toBeVisible();
  expect(await r.locator('table').count()).toBe(0);
  await page.reload();
  await expect(reply(page, 'A')).toContainText('| 11.299 |');
});

test('links into the app are text: no new tab, no copy of the app, settings unchanged; footnotes stay in the page', async ({
  page,
  context,
}) => {
  await freshPage(page);
  await loadGguf(page, 'A', 'links');
  await sendPrompt(page, 'Link.');
  const r = reply(page, 'A');
  await expect(r).toContainText('Open home or the docs');
  await expect(r.getByRole('link', { name: 'home' })).toHaveCount(0);
  const before = page.url();
  await r.getByText('home', { exact: true }).click();
  await expect(r.getByRole('link', { name: 'the docs' })).toHaveAttribute('target', '_blank');
  await expect(r.getByRole('link', { name: 'the docs' })).toHaveAttribute('href', 'https://example.org/docs');
  // A character reference decodes (through the Trusted Types policy).
  await expect(r).toContainText('Source © 2025.');
  // The footnote link moves within the page.
  const ref = r.getByRole('link', { name: '1', exact: true });
  await expect(ref).not.toHaveAttribute('target', /./);
  await ref.click();
  await expect.poll(() => new URL(page.url()).hash).toMatch(/fn-1$/);
  expect(page.url().split('#')[0]).toBe(before.split('#')[0]);
  expect(context.pages()).toHaveLength(1);
  expect(await savedSystemPrompt(page)).toBe('');
  const drawer = await openTools(page, 'Settings');
  await expect(
    drawer.getByRole('group', { name: 'Shared settings' }).getByLabel(/System prompt/),
  ).toHaveValue('');
});

test('a saved session with `messages: null` restores what is valid and says what was left out', async ({
  page,
}) => {
  await freshPage(page);
  const story = { engine: 'llamacpp', id: `gguf:${fixtureUrl('story')}`, url: fixtureUrl('story') };
  await writeSavedRecord(page, {
    panes: {
      a: {
        model: story,
        messages: [
          { id: 'u1', role: 'user', content: 'Kept question' },
          { id: 'r1', role: 'assistant', content: 'Kept **answer**', status: 'stop' },
          { id: 'r2', role: 'assistant', content: { not: 'text' } },
        ],
        draft: null,
      },
      b: { model: null, messages: null, draft: null },
    },
    settings: {
      systemPrompt: 'Be brief.',
      temperature: 'hot',
      top_p: 0.9,
      max_tokens: 64,
      seed: null,
      mode: 'in-turn',
    },
  });
  // Without the query the address bar now carries (its settings would override the saved ones).
  await page.goto('/');
  await expect(reply(page, 'A')).toHaveText('Kept answer');
  await expect(pane(page, 'A').getByRole('article', { name: 'You' })).toHaveText('Kept question');
  const notices = page.getByRole('region', { name: 'Notices' });
  await expect(notices).toContainText('Pane A: 1 saved message could not be read and was left out.');
  await expect(notices).toContainText('Pane B: the saved conversation could not be read and was left out.');
  await expect(notices).toContainText(
    'Some saved settings could not be read and are back to their defaults: temperature.',
  );
  await expect(page.getByLabel('In turn (one after the other: fair timing)')).toBeChecked();
  // What could not be read can still be taken away, exactly as it was saved.
  const download = page.waitForEvent('download');
  await notices.getByRole('button', { name: 'Download the saved session as it was (JSON)' }).click();
  const file = await (await download).path();
  const { readFile } = await import('node:fs/promises');
  const saved = JSON.parse(await readFile(file, 'utf8')) as { panes: { b: { messages: unknown } } };
  expect(saved.panes.b.messages).toBeNull();
  // The app works: pane A's model loads and answers.
  await loadGguf(page, 'A', 'story');
  await notices.getByRole('button', { name: 'Dismiss' }).first().click();
  await expect(notices.getByRole('status')).toHaveCount(2);
});

test('a .gguf URL with a bad percent-escape, in a link or in the URL form, gets a clear message', async ({
  page,
}) => {
  const bad = fixtureUrl('story').replace('story.gguf', 'story%E0%A4.gguf');
  await freshPage(page);
  await page.goto(`/?a=${encodeURIComponent(bad)}`);
  // The link's offer shows the name safely too, and nothing is fetched before the click.
  const offer = page.getByRole('region', { name: 'Shared link' });
  await expect(offer).toContainText(/story%E0%A4\.gguf from 127\.0\.0\.1:\d+\/__fixtures__/);
  await offer.getByRole('button', { name: 'Load the linked models' }).click();
  const a = pane(page, 'A');
  await expect(
    a.getByRole('heading', { name: /story%E0%A4\.gguf from 127\.0\.0\.1:\d+\/__fixtures__/ }),
  ).toBeVisible();
  await expect(a.getByRole('alert', { name: 'Pane A error' })).toContainText(/not found/i, {
    timeout: 30_000,
  });
  // The same typed into the form.
  const b = pane(page, 'B');
  await openModels(page, 'B');
  await b.getByText('Add a model by URL').click();
  await b.getByLabel(/^Model URL/).fill(bad);
  await b.getByRole('button', { name: 'Add and load in pane B' }).click();
  await expect(b.getByRole('alert', { name: 'Pane B error' })).toContainText(/not found/i, {
    timeout: 30_000,
  });
  await expect(b.getByRole('heading', { name: /story%E0%A4\.gguf/ })).toBeVisible();
  // Saved, and the page still starts.
  await page.reload();
  await expect(b.getByRole('heading', { name: /story%E0%A4\.gguf/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeVisible();
});
