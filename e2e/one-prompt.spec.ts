/**
 * One prompt, two panes — always, as a person meets it: sending before the models are ready, after a cut
 * download and Retry, with one pane never loaded, and pressing Enter when nothing can be sent.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { expectedText } from './fixtures/models';
import { fixtureUrl, freshPage, loadGguf, openModels, readSession } from './helpers';

const pane = (page: Page, p: 'A' | 'B') => page.getByRole('region', { name: `Pane ${p}` });
const reply = (page: Page, p: 'A' | 'B') => pane(page, p).getByRole('article', { name: `Pane ${p} reply` });
const prompt = (page: Page) => page.getByLabel('Prompt (sent to both panes)');

async function typeAndEnter(page: Page, text: string): Promise<void> {
  await prompt(page).fill(text);
  await prompt(page).press('Enter');
}

test('a prompt sent the moment a shared link’s models start loading reaches both panes', async ({ page }) => {
  await freshPage(page);
  const q = new URLSearchParams({ a: fixtureUrl('story'), b: fixtureUrl('other') });
  await page.goto(`/?${q.toString()}`);
  await page
    .getByRole('region', { name: 'Shared link' })
    .getByRole('button', { name: 'Load the linked models' })
    .click();
  // No waiting for "Ready": the prompt goes in as soon as the box is there.
  await typeAndEnter(page, 'Right away.');
  await expect(prompt(page)).toHaveValue('');
  await expect(reply(page, 'A')).toHaveText(expectedText('story'), { timeout: 60_000 });
  await expect(reply(page, 'B')).toHaveText(expectedText('other'), { timeout: 60_000 });
  for (const p of ['A', 'B'] as const)
    await expect(pane(page, p).getByRole('article', { name: 'You' })).toHaveText('Right away.');
  // Both waited for their model, so both turns are marked as delayed (not compared as side by side).
  const s = await readSession(page);
  expect(s.a.messages.map((m) => m.content)).toEqual(['Right away.', expectedText('story')]);
  expect(s.b.messages.map((m) => m.content)).toEqual(['Right away.', expectedText('other')]);
  await expect(pane(page, 'B').getByText(/sent when the model was ready/)).toBeVisible();
});

test('a prompt typed before the link is accepted waits, visibly, and runs once the models load', async ({
  page,
}) => {
  await freshPage(page);
  const q = new URLSearchParams({ a: fixtureUrl('story'), b: fixtureUrl('other') });
  await page.goto(`/?${q.toString()}`);
  const offer = page.getByRole('region', { name: 'Shared link' });
  await expect(offer).toBeVisible();
  await typeAndEnter(page, 'Before yes.');
  for (const p of ['A', 'B'] as const)
    await expect(pane(page, p).getByText('Waiting for this pane’s model')).toBeVisible();
  await offer.getByRole('button', { name: 'Load the linked models' }).click();
  await expect(reply(page, 'A')).toHaveText(expectedText('story'), { timeout: 60_000 });
  await expect(reply(page, 'B')).toHaveText(expectedText('other'), { timeout: 60_000 });
  await expect(pane(page, 'A').getByText('Waiting for this pane’s model')).toHaveCount(0);
});

test('right after a cut download and Retry, a prompt reaches the pane that is loading again', async ({
  page,
  context,
}) => {
  await freshPage(page);
  let cut = true;
  await context.route(/\/other\.gguf$/, (route) =>
    cut ? ((cut = false), route.abort('connectionreset')) : route.continue(),
  );
  await loadGguf(page, 'A', 'story');
  const b = pane(page, 'B');
  await openModels(page, 'B');
  await b.getByText('Add a model by URL').click();
  await b.getByLabel(/^Model URL/).fill(fixtureUrl('other'));
  await b.getByRole('button', { name: 'Add and load in pane B' }).click();
  await expect(page.getByRole('alert', { name: 'Pane B error' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Retry loading in pane B' }).click();
  await typeAndEnter(page, 'After retry.');
  await expect(reply(page, 'A')).toHaveText(expectedText('story'));
  await expect(reply(page, 'B')).toHaveText(expectedText('other'), { timeout: 60_000 });
  const s = await readSession(page);
  expect(s.b.messages.map((m) => m.content)).toEqual(['After retry.', expectedText('other')]);
});

test('a pane with no model is marked as having missed the prompt, and one click sends it there too', async ({
  page,
}) => {
  await freshPage(page);
  await loadGguf(page, 'A', 'story');
  await typeAndEnter(page, 'Only A is loaded.');
  await expect(reply(page, 'A')).toHaveText(expectedText('story'));
  const b = pane(page, 'B');
  await expect(b.getByRole('article', { name: 'You' })).toHaveText(/Only A is loaded\./);
  await expect(b).toContainText('Not sent to this pane: no model was loaded in this pane.');
  await expect(b.getByText('Load a model in this pane first.')).toBeVisible();
  await loadGguf(page, 'B', 'other');
  await b.getByRole('button', { name: 'Send it here too' }).click();
  await expect(reply(page, 'B')).toHaveText(expectedText('other'));
  await expect(b).not.toContainText('Not sent to this pane');
});

test('Enter is never silently ignored: the prompt area says why nothing was sent, and keeps the text', async ({
  page,
}) => {
  await freshPage(page);
  await typeAndEnter(page, 'Anyone there?');
  await expect(page.getByRole('status').filter({ hasText: 'No model is loaded yet' })).toBeVisible();
  await expect(prompt(page)).toHaveValue('Anyone there?');
  await expect(pane(page, 'A').getByRole('article', { name: 'You' })).toHaveCount(0);
});

test('a link names only what it loads: refused hosts are said, and an unnamed pane is left alone', async ({
  page,
}) => {
  await freshPage(page);
  const q = new URLSearchParams({ a: fixtureUrl('story'), b: 'https://evil.example/model.gguf' });
  await page.goto(`/?${q.toString()}`);
  const offer = page.getByRole('region', { name: 'Shared link' });
  await expect(offer).toContainText('evil.example is not a host this site loads models from');
  await expect(offer).not.toContainText('Pane B:');
  await offer.getByRole('button', { name: 'Load the linked models' }).click();
  await expect(pane(page, 'A').getByText('Ready', { exact: true })).toBeVisible({ timeout: 60_000 });
  // Pane B's default model was not loaded (nor fetched) because the link did not name one.
  await expect(pane(page, 'B').getByRole('heading')).toContainText('no model loaded');
  await expect(pane(page, 'B').getByText('Loading…')).toHaveCount(0);
});
