import { expect, test } from './test';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { formatBytes } from '../src/ui/format';
import { expectedText, MODELS } from './fixtures/models';
import { FIXTURES_DIR } from './paths';
import { fixtureUrl, freshPage, loadGguf, openModels, sendPrompt } from './helpers';

test('a generated GGUF loads by URL, shows progress to 100%, and streams its exact script', async ({
  page,
}) => {
  await freshPage(page);
  const pane = page.getByRole('region', { name: 'Pane A' });
  await loadGguf(page, 'A', 'story');
  const bar = pane.getByRole('progressbar', { name: 'Pane A load progress' });
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  const size = formatBytes(statSync(join(FIXTURES_DIR, MODELS.story.file)).size);
  await expect(pane.getByText(`${size} / ${size} (100%)`)).toBeVisible();
  await expect(pane.getByRole('heading', { name: /story\.gguf/ })).toBeVisible();

  await sendPrompt(page, 'Say something.');
  const reply = pane.getByRole('article', { name: 'Pane A reply' });
  await expect(reply).toHaveText(expectedText('story'));
  await expect(pane.getByRole('article', { name: 'You' })).toHaveText('Say something.');
});

test('stop ends a reply from a model that would never stop', async ({ page }) => {
  await freshPage(page);
  const pane = page.getByRole('region', { name: 'Pane A' });
  await loadGguf(page, 'A', 'loop');
  await sendPrompt(page, 'Count forever.');
  const live = pane.getByRole('article', { name: 'Pane A reply (streaming)' });
  await expect(live).toContainText('tick tock ·tick tock ·');
  await pane.getByRole('button', { name: 'Stop pane A' }).click();
  const reply = pane.getByRole('article', { name: 'Pane A reply' });
  await expect(reply).toContainText('(stopped)');
  const text = (await reply.textContent()) ?? '';
  // It stopped: the text no longer grows.
  await page.waitForTimeout(500);
  expect(await reply.textContent()).toBe(text);
  expect(text.startsWith('tick tock ·')).toBe(true);
  await expect(pane.getByText('Ready', { exact: true })).toBeVisible();
});

test('a bad URL gets a clear message and nothing loads', async ({ page }) => {
  await freshPage(page);
  const pane = page.getByRole('region', { name: 'Pane A' });
  await openModels(page, 'A');
  await pane.getByText('Add a model by URL').click();
  await pane.getByLabel(/^Model URL/).fill('javascript:alert(1)');
  await pane.getByRole('button', { name: 'Add and load in pane A' }).click();
  await expect(pane.getByRole('alert')).toContainText('not a web address');
  await pane.getByLabel(/^Model URL/).fill(fixtureUrl('story').replace('story.gguf', 'missing.gguf'));
  await pane.getByRole('button', { name: 'Add and load in pane A' }).click();
  await expect(pane.getByRole('alert', { name: 'Pane A error' })).toContainText(/not found/i);
});
