import { expect, type Page } from '@playwright/test';
import { FIXTURE_PREFIX, type FixtureName, MODELS } from './fixtures/models';
import { BASE_URL } from './paths';

export function fixtureUrl(name: FixtureName): string {
  return `${BASE_URL}${FIXTURE_PREFIX}${MODELS[name].file}`;
}

/** Loads a generated GGUF into a pane through the UI's add-by-URL form and waits until it is ready. */
export async function loadGguf(page: Page, pane: 'A' | 'B', name: FixtureName): Promise<void> {
  const region = page.getByRole('region', { name: `Pane ${pane}` });
  if (!(await region.getByLabel(/^Model URL/).isVisible()))
    await region.getByText('Add a model by URL').click();
  await region.getByLabel(/^Model URL/).fill(fixtureUrl(name));
  await region.getByRole('button', { name: `Add and load in pane ${pane}` }).click();
  await expect(region.getByText('Ready', { exact: true })).toBeVisible({ timeout: 60_000 });
}

export async function sendPrompt(page: Page, text: string): Promise<void> {
  await page.getByLabel('Prompt (sent to both panes)').fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

export async function freshPage(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const r = indexedDB.deleteDatabase('tandem');
        r.onsuccess = r.onerror = r.onblocked = () => resolve();
      }),
  );
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Pane A' })).toBeVisible();
}

export interface SavedTurn {
  mode: string;
  startedAt: number;
  endedAt: number;
  tokenTimes: number[];
}
export interface SavedMessage {
  role: string;
  content: string;
  status?: string;
  turn?: SavedTurn;
}

type Saved = Record<'a' | 'b', { messages: SavedMessage[] }>;

/** The app's saved session record (IndexedDB "tandem", store "state", key "session-v1"), unchecked. */
export async function readSavedRecord(page: Page): Promise<unknown> {
  return page.evaluate(
    () =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('tandem');
        open.onerror = () => reject(new Error('cannot open db'));
        open.onsuccess = () => {
          const get = open.result.transaction('state').objectStore('state').get('session-v1');
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result);
          };
          get.onerror = () => reject(new Error('cannot read'));
        };
      }),
  );
}

/** Writes a record where the app keeps its session, as if an earlier visit (or anything else) had saved it. */
export async function writeSavedRecord(page: Page, record: unknown): Promise<void> {
  await page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tandem');
        open.onupgradeneeded = () => open.result.createObjectStore('state');
        open.onerror = () => reject(new Error('cannot open db'));
        open.onsuccess = () => {
          const tx = open.result.transaction('state', 'readwrite');
          tx.objectStore('state').put(value, 'session-v1');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(new Error('cannot write'));
        };
      }),
    record,
  );
}

async function readSaved(page: Page): Promise<Saved> {
  return ((await readSavedRecord(page)) as { panes: Saved }).panes;
}

/**
 * The session as the app saved it in IndexedDB (what a reload restores), once the save has caught up with
 * the page: as many saved replies per pane as the page shows (the write follows the commit by a moment).
 */
export async function readSession(page: Page): Promise<Saved> {
  const shown = async (p: 'A' | 'B') =>
    page.getByRole('article', { name: `Pane ${p} reply`, exact: true }).count();
  let saved = await readSaved(page);
  await expect
    .poll(async () => {
      saved = await readSaved(page);
      const replies = (id: 'a' | 'b') => saved[id].messages.filter((m) => m.role === 'assistant').length;
      return replies('a') === (await shown('A')) && replies('b') === (await shown('B'));
    })
    .toBe(true);
  return saved;
}

export async function setSharedMaxTokens(page: Page, n: number): Promise<void> {
  const field = page.getByRole('group', { name: 'Shared settings' }).getByLabel('Max tokens');
  // Open the settings if they are closed; retried, since a click on the summary toggles them.
  await expect(async () => {
    if (!(await field.isVisible()))
      await page.getByText('Settings (shared, with per-pane overrides)').click();
    await expect(field).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await field.fill(String(n));
}

/** The fake MLC repository the suite writes (e2e/fixtures/mlc-repo.ts), and its placeholder model library. */
export const MLC_REPO = `${BASE_URL}/__fixtures__/mlc/Tiny-q4f32_1-MLC`;
export const MLC_LIB = `${BASE_URL}/__fixtures__/mlc/tiny-q4f32_1-webgpu.wasm`;

/** Adds the fake MLC model to pane A through the URL form, which loads it at once (the real web-llm). */
export async function addMlcFixtureModel(page: Page): Promise<void> {
  const pane = page.getByRole('region', { name: 'Pane A' });
  await pane.getByText('Add a model by URL').click();
  await pane.getByLabel(/^Model URL/).fill(MLC_REPO);
  await pane.getByLabel(/^Model library URL/).fill(MLC_LIB);
  await pane.getByRole('button', { name: 'Add and load in pane A' }).click();
}
