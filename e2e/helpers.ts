import { expect, type Page } from '@playwright/test';
import { FIXTURE_PREFIX, type FixtureName, MODELS } from './fixtures/models';
import { BASE_URL } from './paths';

export function fixtureUrl(name: FixtureName): string {
  return `${BASE_URL}${FIXTURE_PREFIX}${MODELS[name].file}`;
}

/** Loads a generated GGUF into a pane through the UI's add-by-URL form and waits until it is ready. */
export async function loadGguf(page: Page, pane: 'A' | 'B', name: FixtureName): Promise<void> {
  const region = page.getByRole('region', { name: `Pane ${pane}` });
  await region.getByText('Add a model by URL').click();
  await region.getByLabel(/^Model URL/).fill(fixtureUrl(name));
  await region.getByRole('button', { name: `Add and load in pane ${pane}` }).click();
  await expect(region.getByText('Ready', { exact: true })).toBeVisible({ timeout: 60_000 });
}

export async function sendPrompt(page: Page, text: string): Promise<void> {
  await page.getByLabel('Prompt (sent to both panes)').fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

export async function freshPage(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(() => indexedDB.deleteDatabase('tandem'));
  await page.reload();
  await expect(page.getByRole('region', { name: 'Pane A' })).toBeVisible();
}
