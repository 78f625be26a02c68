import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { expectedText } from './fixtures/models';
import {
  closeDialog,
  freshPage,
  loadGguf,
  openTools,
  readSession,
  sendPrompt,
  setSharedMaxTokens,
} from './helpers';

const paneRegion = (page: Page, p: 'A' | 'B') => page.getByRole('region', { name: `Pane ${p}` });
const reply = (page: Page, p: 'A' | 'B') =>
  paneRegion(page, p).getByRole('article', { name: `Pane ${p} reply` });
const streaming = (page: Page, p: 'A' | 'B') =>
  paneRegion(page, p).getByRole('article', { name: `Pane ${p} reply (streaming)` });

test('one prompt, two models, both streaming at once: each pane shows its own exact text', async ({
  page,
}) => {
  await freshPage(page);
  await loadGguf(page, 'A', 'story');
  await loadGguf(page, 'B', 'other');
  await sendPrompt(page, 'Compare yourselves.');
  await expect(reply(page, 'A')).toHaveText(expectedText('story'));
  await expect(reply(page, 'B')).toHaveText(expectedText('other'));
  const s = await readSession(page);
  const a = s.a.messages.at(-1)?.turn;
  const b = s.b.messages.at(-1)?.turn;
  expect(a?.mode).toBe('together');
  expect(b?.mode).toBe('together');
  expect(a?.tokenTimes).toHaveLength(12);
  expect(b?.tokenTimes).toHaveLength(10);
  // Together: each request started before the other one ended.
  if (!a || !b) throw new Error('turns missing');
  expect(a.startedAt).toBeLessThan(b.endedAt);
  expect(b.startedAt).toBeLessThan(a.endedAt);
});

test('in turn: the second pane starts only after the first has finished', async ({ page }) => {
  await freshPage(page);
  await loadGguf(page, 'A', 'loop');
  await loadGguf(page, 'B', 'loop');
  await setSharedMaxTokens(page, 40);
  await page.getByLabel('In turn (one after the other: fair timing)').check();
  await sendPrompt(page, 'Take turns.');
  await expect(reply(page, 'B')).toBeVisible({ timeout: 30_000 });
  await expect(reply(page, 'B')).toContainText('(cut at the max-tokens limit)');
  const s = await readSession(page);
  const a = s.a.messages.at(-1)?.turn;
  const b = s.b.messages.at(-1)?.turn;
  if (!a || !b) throw new Error('turns missing');
  expect(a.mode).toBe('in-turn');
  expect(b.mode).toBe('in-turn');
  expect(a.tokenTimes).toHaveLength(40);
  expect(b.tokenTimes).toHaveLength(40);
  const lastA = Math.max(...a.tokenTimes);
  const firstB = Math.min(...b.tokenTimes);
  expect(b.startedAt).toBeGreaterThanOrEqual(a.endedAt);
  expect(firstB).toBeGreaterThan(lastA);
});

test('stopping one pane leaves the other streaming; Esc stops the rest', async ({ page }) => {
  await freshPage(page);
  await loadGguf(page, 'A', 'loop');
  await loadGguf(page, 'B', 'loop');
  await setSharedMaxTokens(page, 100000);
  await sendPrompt(page, 'Go on forever.');
  await expect(streaming(page, 'A')).toContainText('tick tock');
  await expect(streaming(page, 'B')).toContainText('tick tock');
  await paneRegion(page, 'A').getByRole('button', { name: 'Stop pane A' }).click();
  await expect(reply(page, 'A')).toContainText('(stopped)');
  // B is still going: its text keeps growing after A stopped.
  const before = ((await streaming(page, 'B').textContent()) ?? '').length;
  await expect
    .poll(async () => ((await streaming(page, 'B').textContent()) ?? '').length, { timeout: 10_000 })
    .toBeGreaterThan(before + 20);
  await page.keyboard.press('Escape');
  await expect(reply(page, 'B')).toContainText('(stopped)');
  await expect(page.getByRole('button', { name: 'Stop all' })).toBeDisabled();
});

test('a reload restores both transcripts, and a reply cut by the reload is kept as interrupted', async ({
  page,
}) => {
  await freshPage(page);
  await loadGguf(page, 'A', 'story');
  await loadGguf(page, 'B', 'loop');
  await setSharedMaxTokens(page, 100000);
  await sendPrompt(page, 'Remember this.');
  await expect(reply(page, 'A')).toHaveText(expectedText('story'));
  await expect(streaming(page, 'B')).toContainText('tick tock ·tick tock ·tick tock');
  // Let a periodic save of the streaming reply happen, then reload mid-stream.
  await page.waitForTimeout(1500);
  await page.reload();
  await expect(reply(page, 'A')).toHaveText(expectedText('story'));
  await expect(paneRegion(page, 'A').getByRole('article', { name: 'You' })).toHaveText('Remember this.');
  await expect(paneRegion(page, 'B').getByRole('article', { name: 'You' })).toHaveText('Remember this.');
  await expect(reply(page, 'B')).toContainText('tick tock ·tick tock ·tick tock');
  await expect(reply(page, 'B')).toContainText('(interrupted (page closed or reloaded))');
  // The panes remember their models; they load again from the browser's cache.
  await expect(paneRegion(page, 'A').getByRole('heading', { name: /story\.gguf/ })).toBeVisible();
});

test('per-pane overrides, regenerate, and edit-and-resend of the last prompt', async ({ page }) => {
  await freshPage(page);
  await loadGguf(page, 'A', 'loop');
  await loadGguf(page, 'B', 'loop');
  await setSharedMaxTokens(page, 9);
  const drawer = await openTools(page, 'Settings');
  await drawer.getByText('Pane B overrides').click();
  await drawer.getByRole('group', { name: 'Pane B overrides' }).getByLabel('Max tokens').fill('3');
  await closeDialog(page, 'Settings and tools');
  await sendPrompt(page, 'First try.');
  // Shared: 9 tokens in A; B's override: 3 tokens.
  await expect(reply(page, 'A')).toHaveText('tick tock ·tick tock ·tick tock ·(cut at the max-tokens limit)');
  await expect(reply(page, 'B')).toHaveText('tick tock ·(cut at the max-tokens limit)');

  await page.getByRole('button', { name: 'Regenerate' }).click();
  await expect(paneRegion(page, 'A').getByText('Ready', { exact: true })).toBeVisible();
  await expect(paneRegion(page, 'B').getByText('Ready', { exact: true })).toBeVisible();
  // Still one prompt and one reply per pane: the old reply was replaced, not added to.
  await expect(reply(page, 'A')).toHaveCount(1);
  await expect(paneRegion(page, 'A').getByRole('article', { name: 'You' })).toHaveCount(1);

  await page.getByRole('button', { name: 'Edit last prompt' }).click();
  await expect(page.getByLabel('Prompt (sent to both panes)')).toHaveValue('First try.');
  await expect(reply(page, 'A')).toHaveCount(0);
  await page.getByLabel('Prompt (sent to both panes)').fill('Second try.');
  await page.getByLabel('Prompt (sent to both panes)').press('Enter');
  await expect(paneRegion(page, 'B').getByRole('article', { name: 'You' })).toHaveText('Second try.');
  await expect(reply(page, 'B')).toHaveText('tick tock ·(cut at the max-tokens limit)');
  const s = await readSession(page);
  expect(s.a.messages.map((m) => m.content)).toEqual(['Second try.', 'tick tock ·tick tock ·tick tock ·']);
});
