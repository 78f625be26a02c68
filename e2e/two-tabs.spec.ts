/**
 * Two tabs never overwrite each other's conversation: one tab saves it, the other shows it as it changes,
 * says why it cannot send, and can take it over without losing a turn.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { expectedText } from './fixtures/models';
import { freshPage, loadGguf, readSession, sendPrompt } from './helpers';

const prompts = (page: Page) =>
  page.getByRole('region', { name: 'Pane A' }).getByRole('article', { name: 'You' });

test('a second tab shows the conversation read-only, and taking it over keeps every turn', async ({
  page,
  context,
}) => {
  await freshPage(page);
  await loadGguf(page, 'A', 'story');
  await sendPrompt(page, 'From tab one.');
  await expect(page.getByRole('article', { name: 'Pane A reply' })).toHaveText(expectedText('story'));

  const second = await context.newPage();
  await second.goto('/');
  const banner = second.getByRole('alert', { name: 'Open in another tab' });
  await expect(banner).toContainText('This conversation is open in another tab.');
  await expect(prompts(second)).toHaveText(['From tab one.']);
  // It cannot send (the other tab saves), and says so.
  await second.getByLabel('Prompt (sent to both panes)').fill('Not from here.');
  await second.getByLabel('Prompt (sent to both panes)').press('Enter');
  await expect(second.getByRole('status').filter({ hasText: 'open in another tab' })).toBeVisible();
  await expect(prompts(second)).toHaveCount(1);

  // What the first tab does shows up in the second.
  await sendPrompt(page, 'Second from tab one.');
  await expect(page.getByRole('article', { name: 'Pane A reply' })).toHaveCount(2);
  await expect(prompts(second)).toHaveText(['From tab one.', 'Second from tab one.']);

  // Taking it over: the first tab is told and stops saving; the second loads a model and goes on.
  await banner.getByRole('button', { name: 'Use it in this tab' }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByRole('alert', { name: 'Open in another tab' })).toBeVisible();
  await loadGguf(second, 'A', 'story');
  await sendPrompt(second, 'From tab two.');
  await expect(second.getByRole('article', { name: 'Pane A reply' })).toHaveCount(3);
  await expect(prompts(page)).toHaveText(['From tab one.', 'Second from tab one.', 'From tab two.']);
  const saved = await readSession(second);
  expect(saved.a.messages.filter((m) => m.role === 'user').map((m) => m.content)).toEqual([
    'From tab one.',
    'Second from tab one.',
    'From tab two.',
  ]);
});
