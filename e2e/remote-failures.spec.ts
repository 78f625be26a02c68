/**
 * Every way a server fails, end to end against the fixture inference server's fault modes (and a port where
 * nothing listens): each ends in a clear message and a way forward, the technical detail one click away
 * (never the key), and whatever had streamed is kept. Mixed content is refused before any request: see
 * src/security/remote-url.test.ts.
 */
import { createServer } from 'node:net';
import { expect, test } from './test';
import { RETRY_AFTER_S, type RemoteFault } from './fixtures/remote-control';
import { closeDialog, freshPage, openTools, sendPrompt, setSharedMaxTokens } from './helpers';
import {
  connected,
  connectServer,
  expectReady,
  freshRemote,
  paneError,
  paneRegion,
  REMOTE_HOST,
  reply,
} from './remote-helpers';

const KEY = 'sk-right-1c4e8a';
const WRONG = 'sk-wrong-9d2f6b';

/** A port where nothing listens: taken from the system, then released. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

test('connection refused: nothing answered at that address', async ({ page }) => {
  await freshPage(page);
  await connectServer(page, 'B', { base: `http://127.0.0.1:${await freePort()}/v1`, model: 'story' });
  await expect(paneError(page, 'B')).toContainText('Nothing answered at that address.');
  await expect(paneError(page, 'B')).toContainText('connection was refused or the host is down');
});

test('CORS refused: the server answered but does not allow this page, with each server’s setting', async ({
  page,
  request,
}) => {
  const server = await freshRemote(page, request);
  await server.fault('cors', 'all');
  await connectServer(page, 'B', { model: 'story' });
  const err = paneError(page, 'B');
  await expect(err).toContainText('does not allow this page to read its answers (CORS)');
  const origin = new URL(page.url()).origin;
  await expect(err).toContainText(`OLLAMA_ORIGINS=${origin}`);
  await expect(err).toContainText(`--allowed-origins '["${origin}"]'`);
  await expect(err).toContainText('lms server start --cors');
  // The same server, with CORS again: Retry connects.
  await server.reset();
  await paneError(page, 'B').getByRole('button', { name: 'Retry loading in pane B' }).click();
  await expectReady(page, 'B');
});

test('401: a wrong key is refused, never shown (even echoed back by the server), and asked for again', async ({
  page,
  request,
}) => {
  await freshRemote(page, request, { key: KEY });
  await connectServer(page, 'B', { model: 'story', key: WRONG });
  const err = paneError(page, 'B');
  await expect(err).toContainText('The server refused the API key.');
  await err.getByText('Technical detail').click();
  await expect(err).toContainText('Invalid API key (received: Bearer [key removed])');
  await expect(page.locator('body')).not.toContainText(WRONG);
  const connect = paneRegion(page, 'B').getByRole('form', { name: 'Connect pane B' });
  await connect.getByLabel('API key for pane B').fill(KEY);
  await connect.getByRole('button', { name: `Connect pane B to ${REMOTE_HOST}` }).click();
  await expectReady(page, 'B');
});

test('404: the server does not know the model, and says which ones it has', async ({ page, request }) => {
  const server = await freshRemote(page, request);
  await connected(page, 'B', 'story');
  await server.fault('404');
  await sendPrompt(page, 'Hello?');
  const err = paneError(page, 'B');
  await expect(err).toContainText('The server does not have that model.');
  await expect(err).toContainText('It lists: story, other, loop.');
  // The prompt is kept, with a way to send it again.
  await expect(paneRegion(page, 'B').getByRole('button', { name: /Send it here too/ })).toBeVisible();
});

const FAULTS: [RemoteFault, string, string][] = [
  ['429', 'The server is limiting requests.', `It asks to wait ${RETRY_AFTER_S} s before the next request`],
  ['500', 'The server failed to answer.', 'fixture: internal error'],
  ['not-sse', 'The server’s answer is not an OpenAI-compatible stream.', 'it sent text/html'],
  ['bad-json', 'The server’s answer is not an OpenAI-compatible stream.', 'an event that is not JSON'],
];

for (const [fault, title, detail] of FAULTS)
  test(`${fault}: "${title}"`, async ({ page, request }) => {
    const server = await freshRemote(page, request);
    await connected(page, 'B', 'story');
    await server.fault(fault);
    await sendPrompt(page, 'Hello?');
    const err = paneError(page, 'B');
    await expect(err).toContainText(title);
    await expect(err).toContainText(detail);
    // Nothing lost: the prompt stays, and can be sent again once the server is well.
    await server.reset();
    await paneRegion(page, 'B')
      .getByRole('button', { name: /Send it here too/ })
      .click();
    await expect(reply(page, 'B').last()).toHaveText(/Hello from the small model/);
  });

const MID_REPLY: [RemoteFault, string, string, string][] = [
  ['cut', 'a stream that stops mid-reply', 'The server’s reply stopped mid-way.', 'the connection closed'],
  [
    'stream-error',
    'an error object in the stream',
    'The server reported an error while it answered.',
    'fixture: the model crashed mid-reply',
  ],
];

for (const [fault, what, title, detail] of MID_REPLY)
  test(`${what}: the partial reply is kept and marked, with the server’s words`, async ({
    page,
    request,
  }) => {
    const server = await freshRemote(page, request);
    await connected(page, 'B', 'loop');
    await setSharedMaxTokens(page, 200);
    await server.fault(fault);
    await sendPrompt(page, 'Talk.');
    await expect(paneError(page, 'B')).toContainText(title);
    await expect(paneError(page, 'B')).toContainText(detail);
    await expect(reply(page, 'B')).toContainText('tick tock ·');
    const mark = fault === 'cut' ? '(cut off: the server’s stream stopped mid-reply)' : '(failed)';
    await expect(reply(page, 'B')).toContainText(mark);
    await page.reload();
    await expect(reply(page, 'B')).toContainText(mark);
  });

test('a server that sends no usage: the turn says so, and has no cost', async ({ page, request }) => {
  await freshRemote(page, request, { fault: 'no-usage' });
  await connected(page, 'B', 'other');
  await sendPrompt(page, 'Hi.');
  const stats = paneRegion(page, 'B').getByLabel('Reply measurements');
  await expect(stats).toContainText('10 chunks streamed · the server sent no usage (token counts unknown)');
  await expect(stats).toContainText('cost unknown');
});

test('a server that refuses the seed gets the request again without it, and the turn says so', async ({
  page,
  request,
}) => {
  const server = await freshRemote(page, request, { fault: 'refuse-seed' });
  await connected(page, 'B', 'other');
  const drawer = await openTools(page, 'Settings');
  await drawer.getByRole('group', { name: 'Shared settings' }).getByLabel('Seed').fill('42');
  await closeDialog(page, 'Settings and tools');
  await sendPrompt(page, 'Hi.');
  await expect(reply(page, 'B')).toHaveText('Bigger models know more, but cost memory too.');
  await expect(paneRegion(page, 'B').getByLabel('Reply measurements')).toContainText(
    'the server refused the seed: sent without it',
  );
  const chats = (await server.state()).requests.filter((r) => r.path === '/v1/chat/completions');
  expect(chats.map((r) => r.seed)).toEqual([true, false]);
});
