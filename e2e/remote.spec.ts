/**
 * Edge against cloud, end to end: pane A runs a generated model in the browser (llama.cpp WASM), pane B the
 * same kind of model on a real inference server (node-llama-cpp behind a small OpenAI-compatible SSE
 * endpoint: e2e/fixtures/remote-server.ts). Exact streamed texts in both, stop closing the server's request,
 * a reload that keeps both transcripts and asks for the key again, a link that connects only on a click,
 * and the key nowhere but in memory.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { expectedText } from './fixtures/models';
import { loadGguf, openTools, sendPrompt, setSharedMaxTokens } from './helpers';
import {
  connected,
  connectServer,
  dumpIndexedDb,
  expectReady,
  freshRemote,
  paneRegion,
  REMOTE_BASE,
  REMOTE_HOST,
  reply,
  streaming,
} from './remote-helpers';

const KEY = 'sk-tandem-e2e-7f3c9a1b5d';

async function download(page: Page, button: string): Promise<string> {
  const pending = page.waitForEvent('download');
  await (
    await openTools(page, 'Export')
  )
    .getByRole('group', { name: 'Export measurements' })
    .getByRole('button', { name: button })
    .click();
  return readFileSync(await (await pending).path(), 'utf8');
}

test('one prompt: the same kind of model in the browser and on the server, exact texts in both', async ({
  page,
  request,
}) => {
  const logs: string[] = [];
  page.on('console', (m) => logs.push(m.text()));
  const server = await freshRemote(page, request, { key: KEY });
  await loadGguf(page, 'A', 'story');
  await connectServer(page, 'B', { model: 'story', key: KEY, list: true });
  await expectReady(page, 'B');
  await expect(
    paneRegion(page, 'B').getByRole('heading', { name: `Pane B: story on ${REMOTE_HOST}` }),
  ).toBeVisible();
  await expect(paneRegion(page, 'B').getByText('GPU memory: on the server')).toBeVisible();

  await sendPrompt(page, 'Compare yourselves.');
  await expect(reply(page, 'A')).toHaveText(expectedText('story'));
  await expect(reply(page, 'B')).toHaveText(expectedText('story'));

  // The remote turn's figures say how they were measured; the token counts are the server's.
  const stats = paneRegion(page, 'B').getByLabel('Reply measurements');
  await expect(stats).toContainText('measured in this browser, includes network');
  await expect(stats).toContainText('(network + server queue + prompt processing)');
  await expect(stats).toContainText('reply tokens (server’s usage) in 12 chunks');
  // A price gives each turn and the session a cost: 13 completion tokens (12 + end of turn) and the prompt.
  const price = page.getByRole('group', { name: 'Pane B price (US$ per 1M tokens)' });
  await price.getByLabel('Input').fill('0.06');
  await price.getByLabel('Output').fill('0.06');
  await expect(stats).toContainText(/cost \$0\.00000\d+ \(at \$0\.06 in \/ \$0\.06 out per 1M tokens\)/);
  await expect(page.getByRole('status', { name: 'Pane B session cost' })).toContainText(
    /Session cost: \$0\.00000\d+ over 1 turn/,
  );
  const table = page.getByRole('region', { name: 'Comparison' });
  await expect(table.getByRole('row', { name: /^GPU memory \(peak\)/ })).toContainText('on the server');
  await expect(table.getByRole('row', { name: /^Where it runs/ })).toContainText(`server at ${REMOTE_HOST}`);
  await expect(table.getByRole('row', { name: /^Cost \(session\)/ })).toContainText(
    /\$0\.00000\d+ over 1 turn/,
  );

  // The server got the key, the model and a streaming request.
  const chats = (await server.state()).requests.filter((r) => r.path === '/v1/chat/completions');
  expect(chats).toHaveLength(1);
  expect(chats[0]).toMatchObject({ model: 'story', auth: 'match', finished: true, closedByClient: false });

  // The key is nowhere but in memory: not saved, not in the address bar, not in an export, not logged.
  const json = await download(page, 'Export JSON');
  const csv = await download(page, 'Export CSV');
  expect(JSON.parse(json)).toMatchObject({ panes: { b: { turns: [{ remote: { host: REMOTE_HOST } }] } } });
  expect(csv).toContain(REMOTE_HOST);
  for (const [where, text] of [
    ['IndexedDB', await dumpIndexedDb(page)],
    ['address', page.url()],
    ['JSON export', json],
    ['CSV export', csv],
    ['console', logs.join('\n')],
  ])
    expect(text, where).not.toContain(KEY);
  expect(decodeURIComponent(page.url())).toContain(`b=${REMOTE_BASE}&bmodel=story`);
});

test('stop aborts the HTTP request: the server sees the connection close', async ({ page, request }) => {
  const server = await freshRemote(page, request);
  await connected(page, 'B', 'loop');
  await setSharedMaxTokens(page, 8000);
  await sendPrompt(page, 'Go on.');
  await expect(streaming(page, 'B')).toContainText('tick tock ·tick tock');
  await paneRegion(page, 'B').getByRole('button', { name: 'Stop pane B' }).click();
  await expect(reply(page, 'B')).toContainText('(stopped)');
  await expect
    .poll(async () => (await server.state()).requests.filter((r) => r.path === '/v1/chat/completions').at(-1))
    .toMatchObject({ closedByClient: true, finished: false });
});

test('a reload keeps both transcripts and asks for the key again; nothing is sent until Connect', async ({
  page,
  request,
}) => {
  const server = await freshRemote(page, request, { key: KEY });
  await loadGguf(page, 'A', 'story');
  await connected(page, 'B', 'other', KEY);
  await sendPrompt(page, 'Remember this.');
  await expect(reply(page, 'A')).toHaveText(expectedText('story'));
  await expect(reply(page, 'B')).toHaveText(expectedText('other'));
  await expect.poll(async () => (await dumpIndexedDb(page)).includes(expectedText('other'))).toBe(true);
  const before = (await server.state()).requests.length;

  await page.reload();
  await expect(reply(page, 'A')).toHaveText(expectedText('story'));
  await expect(reply(page, 'B')).toHaveText(expectedText('other'));
  const connect = paneRegion(page, 'B').getByRole('form', { name: 'Connect pane B' });
  await expect(connect.getByLabel('API key for pane B')).toHaveValue('');
  await expect(connect).toContainText(`Your prompts will be sent to ${REMOTE_HOST}`);
  // The pane waits for the visitor: no request went to the server after the reload.
  await page.waitForTimeout(1000);
  expect((await server.state()).requests.length).toBe(before);
  expect(await dumpIndexedDb(page)).not.toContain(KEY);

  await connect.getByLabel('API key for pane B').fill(KEY);
  await connect.getByRole('button', { name: `Connect pane B to ${REMOTE_HOST}` }).click();
  await expectReady(page, 'B');
  await sendPrompt(page, 'Again.');
  await expect(reply(page, 'B')).toHaveCount(2);
  await expect(reply(page, 'B').nth(1)).toHaveText(expectedText('other'));
});

test('a link names the server and model, never the key, and connects only when the visitor says so', async ({
  page,
  request,
}) => {
  const server = await freshRemote(page, request, { key: KEY });
  await page.goto(`/?${new URLSearchParams({ b: REMOTE_BASE, bmodel: 'story' }).toString()}`);
  const offer = page.getByRole('region', { name: 'Shared link' });
  await expect(offer).toContainText(
    `your prompts and this pane’s conversation will be sent to ${REMOTE_HOST}`,
  );
  // A prompt sent meanwhile waits for the pane; the server has heard nothing.
  await sendPrompt(page, 'Before yes.');
  await expect(paneRegion(page, 'B').getByText('Waiting for this pane’s model')).toBeVisible();
  expect((await server.state()).requests).toHaveLength(0);

  await offer.getByLabel('API key for pane B (optional; kept in this tab’s memory only)').fill(KEY);
  await offer
    .getByRole('button', { name: `Connect to ${REMOTE_HOST} (your prompts will be sent there)` })
    .click();
  await expect(reply(page, 'B')).toHaveText(expectedText('story'), { timeout: 60_000 });
  expect((await server.state()).requests.every((r) => r.auth === 'match')).toBe(true);
  expect(page.url()).not.toContain(KEY);
});
