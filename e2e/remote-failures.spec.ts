/**
 * Every way a server fails, end to end against the fixture inference server's fault modes (and a port where
 * nothing listens): each ends in a clear message and a way forward, the technical detail one click away
 * (never the key), and whatever had streamed is kept. Mixed content is refused before any request: see
 * src/security/remote-url.test.ts.
 */
import { createServer } from 'node:net';
import { expect, test } from './test';
import { remoteControl, RETRY_AFTER_S, type RemoteFault } from './fixtures/remote-control';
import { freshPage, sendPrompt, setSharedMaxTokens } from './helpers';
import { REMOTE_URL } from './paths';
import { connectServer, expectReady, paneError, paneRegion, reply, REMOTE_HOST } from './remote-helpers';

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
  const server = remoteControl(request, REMOTE_URL);
  await server.reset();
  await server.fault('cors', 'all');
  await freshPage(page);
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
  const server = remoteControl(request, REMOTE_URL);
  await server.reset();
  await server.requireKey(KEY);
  await freshPage(page);
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
  const server = remoteControl(request, REMOTE_URL);
  await server.reset();
  await freshPage(page);
  await connectServer(page, 'B', { model: 'story' });
  await expectReady(page, 'B');
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
    const server = remoteControl(request, REMOTE_URL);
    await server.reset();
    await freshPage(page);
    await connectServer(page, 'B', { model: 'story' });
    await expectReady(page, 'B');
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

test('a stream that stops mid-reply: the partial reply is kept and marked', async ({ page, request }) => {
  const server = remoteControl(request, REMOTE_URL);
  await server.reset();
  await freshPage(page);
  await connectServer(page, 'B', { model: 'loop' });
  await expectReady(page, 'B');
  await setSharedMaxTokens(page, 200);
  await server.fault('cut');
  await sendPrompt(page, 'Talk.');
  await expect(paneError(page, 'B')).toContainText('The server’s reply stopped mid-way.');
  await expect(reply(page, 'B')).toContainText('tick tock');
  await expect(reply(page, 'B')).toContainText('(cut off: the server’s stream stopped mid-reply)');
  await page.reload();
  await expect(reply(page, 'B')).toContainText('(cut off: the server’s stream stopped mid-reply)');
});

test('an error object in the stream ends the reply with the server’s words, keeping what came', async ({
  page,
  request,
}) => {
  const server = remoteControl(request, REMOTE_URL);
  await server.reset();
  await freshPage(page);
  await connectServer(page, 'B', { model: 'loop' });
  await expectReady(page, 'B');
  await setSharedMaxTokens(page, 200);
  await server.fault('stream-error');
  await sendPrompt(page, 'Talk.');
  await expect(paneError(page, 'B')).toContainText('The server reported an error while it answered.');
  await expect(paneError(page, 'B')).toContainText('fixture: the model crashed mid-reply');
  await expect(reply(page, 'B')).toContainText('tick tock ·');
});

test('a server that sends no usage: the turn says so, and has no cost', async ({ page, request }) => {
  const server = remoteControl(request, REMOTE_URL);
  await server.reset();
  await server.fault('no-usage');
  await freshPage(page);
  await connectServer(page, 'B', { model: 'other' });
  await expectReady(page, 'B');
  await sendPrompt(page, 'Hi.');
  const stats = paneRegion(page, 'B').getByLabel('Reply measurements');
  await expect(stats).toContainText('10 chunks streamed · the server sent no usage (token counts unknown)');
  await expect(stats).toContainText('cost unknown');
});

test('a server that refuses the seed gets the request again without it, and the turn says so', async ({
  page,
  request,
}) => {
  const server = remoteControl(request, REMOTE_URL);
  await server.reset();
  await server.fault('refuse-seed');
  await freshPage(page);
  await connectServer(page, 'B', { model: 'other' });
  await expectReady(page, 'B');
  const seed = page.getByRole('group', { name: 'Shared settings' }).getByLabel('Seed');
  if (!(await seed.isVisible())) await page.getByText('Settings (shared, with per-pane overrides)').click();
  await seed.fill('42');
  await sendPrompt(page, 'Hi.');
  await expect(reply(page, 'B')).toHaveText('Bigger models know more, but cost memory too.');
  await expect(paneRegion(page, 'B').getByLabel('Reply measurements')).toContainText(
    'the server refused the seed: sent without it',
  );
  const chats = (await server.state()).requests.filter((r) => r.path === '/v1/chat/completions');
  expect(chats.map((r) => r.seed)).toEqual([true, false]);
});
