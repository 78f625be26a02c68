import { expect, type Locator, type Page } from '@playwright/test';
import { FIXTURE_PREFIX, type FixtureName, MODELS } from './fixtures/models';
import { BASE_URL } from './paths';

export function fixtureUrl(name: FixtureName): string {
  return `${BASE_URL}${FIXTURE_PREFIX}${MODELS[name].file}`;
}

/** Opens a pane's model dialog (one click from the pane) and returns it. */
export async function openModels(page: Page, pane: 'A' | 'B'): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: `Model for pane ${pane}` });
  // On a phone the panes are tabs: a person first shows the pane they mean.
  const tab = page.getByRole('tab', { name: new RegExp(`^Pane ${pane}`) });
  if ((await tab.count()) > 0 && (await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  if (!(await dialog.isVisible()))
    await page
      .getByRole('region', { name: `Pane ${pane}` })
      .getByRole('button', { name: `Change model in pane ${pane}` })
      .click();
  await expect(dialog).toBeVisible();
  return dialog;
}

export type ToolTab = 'Settings' | 'Storage' | 'Diagnostics' | 'Export';

/** Opens the "Settings and tools" drawer on one of its tabs and returns the drawer. */
export async function openTools(page: Page, tab: ToolTab): Promise<Locator> {
  const drawer = page.getByRole('dialog', { name: 'Settings and tools' });
  if (!(await drawer.isVisible())) await page.getByRole('button', { name: 'Settings and tools' }).click();
  await expect(drawer).toBeVisible();
  await drawer.getByRole('tab', { name: tab }).click();
  await expect(drawer.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
  return drawer;
}

/** Closes an open dialog by its close button (its name is "Close <title>"). */
export async function closeDialog(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: `Close ${title}` }).click();
  await expect(page.getByRole('dialog', { name: title })).toBeHidden();
}

/** Opens the full device check (from the one-line verdict at the top) and returns its region. */
export async function openDeviceCheck(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Device details' }).click();
  const check = page.getByRole('region', { name: 'Device check' });
  await expect(check).toBeVisible();
  return check;
}

/** Loads a generated GGUF into a pane through the UI's add-by-URL form and waits until it is ready. */
export async function loadGguf(page: Page, pane: 'A' | 'B', name: FixtureName): Promise<void> {
  const region = page.getByRole('region', { name: `Pane ${pane}` });
  // A pane still loading (e.g. its last model, after a reload) is waited for, as a person would.
  await expect(region.getByText('Loading…', { exact: true })).toHaveCount(0, { timeout: 60_000 });
  await openModels(page, pane);
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
  // The first paint is the shell (panes without controls): the app has started once a pane can change model.
  await expect(page.getByRole('button', { name: 'Change model in pane A' })).toBeVisible();
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
  const drawer = await openTools(page, 'Settings');
  await drawer.getByRole('group', { name: 'Shared settings' }).getByLabel('Max tokens').fill(String(n));
  await closeDialog(page, 'Settings and tools');
}

/** The fake MLC repository the suite writes (e2e/fixtures/mlc-repo.ts), and its placeholder model library. */
export const MLC_REPO = `${BASE_URL}/__fixtures__/mlc/Tiny-q4f32_1-MLC`;
export const MLC_LIB = `${BASE_URL}/__fixtures__/mlc/tiny-q4f32_1-webgpu.wasm`;

/** Adds the fake MLC model to pane A through the URL form, which loads it at once (the real web-llm). */
export async function addMlcFixtureModel(page: Page): Promise<void> {
  const pane = page.getByRole('region', { name: 'Pane A' });
  await openModels(page, 'A');
  await pane.getByText('Add a model by URL').click();
  await pane.getByLabel(/^Model URL/).fill(MLC_REPO);
  await pane.getByLabel(/^Model library URL/).fill(MLC_LIB);
  await pane.getByRole('button', { name: 'Add and load in pane A' }).click();
}
