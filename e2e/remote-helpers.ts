/** Remote panes in e2e: connecting a pane to the fixture inference server through the UI, and what a page keeps. */
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { remoteControl, type RemoteFault } from './fixtures/remote-control';
import { freshPage, openModels } from './helpers';
import { REMOTE_URL } from './paths';

export const REMOTE_BASE = `${REMOTE_URL}/v1`;
export const REMOTE_HOST = new URL(REMOTE_URL).host;

export const paneRegion = (page: Page, p: 'A' | 'B') => page.getByRole('region', { name: `Pane ${p}` });
export const reply = (page: Page, p: 'A' | 'B') =>
  paneRegion(page, p).getByRole('article', { name: `Pane ${p} reply`, exact: true });
export const streaming = (page: Page, p: 'A' | 'B') =>
  paneRegion(page, p).getByRole('article', { name: `Pane ${p} reply (streaming)` });
export const paneError = (page: Page, p: 'A' | 'B') => page.getByRole('alert', { name: `Pane ${p} error` });

/**
 * Fills the pane's "Server (OpenAI-compatible)" form and connects; `list` first asks the server for its
 * models (as a person would) and checks the list shows. Does not wait for the pane to be ready.
 */
export async function connectServer(
  page: Page,
  pane: 'A' | 'B',
  opts: { base?: string; model: string; key?: string; list?: boolean },
): Promise<void> {
  const region = paneRegion(page, pane);
  await openModels(page, pane);
  const form = region.getByRole('form', { name: `Server for pane ${pane}` });
  if (!(await form.isVisible())) await region.getByText('Server (OpenAI-compatible)').click();
  await form.getByLabel(/^Server base URL/).fill(opts.base ?? REMOTE_BASE);
  if (opts.key !== undefined) await form.getByLabel(/^API key/).fill(opts.key);
  if (opts.list) {
    await form.getByRole('button', { name: 'List the server’s models' }).click();
    await expect(form.getByRole('status')).toHaveText('The server lists 3 models.');
  }
  await form.getByLabel('Model on the server').fill(opts.model);
  await form.getByRole('button', { name: `Connect pane ${pane} to the server` }).click();
}

export async function expectReady(page: Page, pane: 'A' | 'B'): Promise<void> {
  await expect(paneRegion(page, pane).getByText('Ready', { exact: true })).toBeVisible({ timeout: 60_000 });
}

/** Everything the app keeps in IndexedDB, as one JSON text (to look for a key in it). */
export async function dumpIndexedDb(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const out: Record<string, unknown> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const name = info.name;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(new Error(`cannot open ${name}`));
      });
      for (const store of Array.from(db.objectStoreNames)) {
        out[`${name}/${store}`] = await new Promise((resolve, reject) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(new Error(`cannot read ${store}`));
        });
      }
      db.close();
    }
    return JSON.stringify(out);
  });
}

/**
 * A fresh page and a fresh fixture server (its faults and key requirement cleared, then set as asked);
 * returns the server's control.
 */
export async function freshRemote(
  page: Page,
  request: APIRequestContext,
  opts: { key?: string; fault?: RemoteFault } = {},
): Promise<ReturnType<typeof remoteControl>> {
  const server = remoteControl(request, REMOTE_URL);
  await server.reset();
  if (opts.key) await server.requireKey(opts.key);
  if (opts.fault) await server.fault(opts.fault);
  await freshPage(page);
  return server;
}

/** Connects the pane to the fixture server's model and waits until it is ready. */
export async function connected(page: Page, pane: 'A' | 'B', model: string, key?: string): Promise<void> {
  await connectServer(page, pane, { model, ...(key !== undefined ? { key } : {}) });
  await expectReady(page, pane);
}
