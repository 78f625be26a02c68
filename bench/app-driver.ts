/**
 * Drives the real app the way a user does (role and name queries, as in e2e/), and reads back the turns it
 * saved: the worker's token timestamps, as the app recorded them.
 */
import { expect, type Page } from '@playwright/test';
import { FIXTURE_PREFIX, MODELS, PACED } from '../e2e/fixtures/models';
import type { SavedSession } from '../src/controller/persist';
import type { PaneId } from '../src/store/types';
import { BASE_URL } from './config';
import { freshPage, openModels, setSharedMaxTokens } from '../e2e/helpers';

export { setSharedMaxTokens };

/** The generated models that never stop: every run is exactly max_tokens long. */
export const LOOP_URL = `${BASE_URL}${FIXTURE_PREFIX}${MODELS.loop.file}`;
export const PACED_URL = `${BASE_URL}${FIXTURE_PREFIX}${PACED.file}`;

export type PaneName = 'A' | 'B';

/** The accessible names the bench finds the app by (the e2e suite uses the same). */
export const PROMPT_LABEL = 'Prompt (sent to both panes)';
export const PANE_REGIONS = ['Pane A', 'Pane B'] as const;

export interface SavedTurnSample {
  status: string;
  startedAt: number;
  endedAt: number;
  tokenTimes: number[];
  text: string;
}

const region = (page: Page, p: PaneName) => page.getByRole('region', { name: `Pane ${p}` });
const streaming = (page: Page, p: PaneName) =>
  region(page, p).getByRole('article', { name: `Pane ${p} reply (streaming)` });
const paneId = (p: PaneName): PaneId => (p === 'A' ? 'a' : 'b');

/** A clean app: no saved session, nothing loaded (the e2e suite's own helper). */
export const openFreshApp = freshPage;

/**
 * Adds a looping GGUF by URL in a pane and waits until it is loaded (and warmed up): the pane's model dialog
 * ("Change model in pane X" opens "Model for pane X"), its add-by-URL form, as the e2e suite does it.
 */
export async function loadModelByUrl(page: Page, pane: PaneName, url: string): Promise<void> {
  const r = region(page, pane);
  await openModels(page, pane);
  if (!(await r.getByLabel(/^Model URL/).isVisible())) await r.getByText('Add a model by URL').click();
  await r.getByLabel(/^Model URL/).fill(url);
  await r.getByRole('button', { name: `Add and load in pane ${pane}` }).click();
  await expect(r.getByText('Ready', { exact: true })).toBeVisible({ timeout: 120_000 });
}

/** The session as the app saved it in IndexedDB (db 'tandem', store 'state', key 'session-v1'). */
export async function readSaved(page: Page): Promise<SavedSession | null> {
  return page.evaluate(
    () =>
      new Promise<SavedSession | null>((resolve, reject) => {
        const open = indexedDB.open('tandem');
        open.onerror = () => reject(new Error('cannot open the app database'));
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('state').objectStore('state').get('session-v1');
          get.onsuccess = () => {
            db.close();
            resolve((get.result as SavedSession | undefined) ?? null);
          };
          get.onerror = () => reject(new Error('cannot read the saved session'));
        };
      }),
  );
}

function lastTurn(saved: SavedSession | null, pane: PaneName): SavedTurnSample | null {
  const m = saved?.panes[paneId(pane)].messages.at(-1);
  if (m?.role !== 'assistant' || !m.turn) return null;
  const { startedAt, endedAt, tokenTimes } = m.turn;
  return { status: m.status ?? '', text: m.content, startedAt, endedAt, tokenTimes };
}

/**
 * Sends the prompt to every loaded pane and waits until each reply is finished and saved. It waits on what
 * the app saves, not on the page: role queries walk the whole DOM (accessible names, CSS content) and would
 * cost the app main-thread time while it streams, which is what is being measured.
 */
export async function sendAndCollect(
  page: Page,
  prompt: string,
  panes: PaneName[],
): Promise<SavedTurnSample[]> {
  await page.getByLabel(PROMPT_LABEL).fill(prompt);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  return collectLastTurns(page, panes);
}

/** Each pane's last reply as the app saved it, once every pane has one (the transcript was empty before). */
export async function collectLastTurns(page: Page, panes: PaneName[]): Promise<SavedTurnSample[]> {
  const read = async (): Promise<(SavedTurnSample | null)[]> => {
    const saved = await readSaved(page);
    return panes.map((p) => lastTurn(saved, p));
  };
  await expect
    .poll(async () => (await read()).every((t) => t !== null), { intervals: [250], timeout: 120_000 })
    .toBe(true);
  const turns = await read();
  return turns.map((t, i) => {
    if (!t) throw new Error(`pane ${panes[i] ?? '?'}: no saved reply`);
    return t;
  });
}

/** Empties both transcripts with the app's own button, leaving the models loaded. */
export async function clearChats(page: Page, panes: PaneName[]): Promise<void> {
  await page.getByRole('button', { name: 'Clear chats' }).click();
  for (const p of panes) await expect(region(page, p).getByRole('article')).toHaveCount(0);
}

/** Starts both panes streaming until stopped; resolves once both show streamed text. */
export async function startStreaming(page: Page, prompt: string, panes: PaneName[]): Promise<void> {
  await page.getByLabel(PROMPT_LABEL).fill(prompt);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  for (const p of panes) await expect(streaming(page, p)).toContainText('tick tock');
}

/** Stops both panes; collectLastTurns then waits for the stopped replies to be saved. */
export async function stopAll(page: Page): Promise<void> {
  const stop = page.getByRole('button', { name: 'Stop all' });
  // A reply that filled the model's context has stopped already (the report marks it); nothing to stop.
  if (!(await stop.isEnabled())) return;
  await stop.click({ timeout: 5000 }).catch(async (e: unknown) => {
    if (await stop.isEnabled()) throw e;
  });
}
