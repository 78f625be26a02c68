import { expect, test } from './test';
import { expectedText } from './fixtures/models';
import { freshPage, loadGguf, sendPrompt, setSharedMaxTokens } from './helpers';

test('the engine worker dying mid-reply: the watchdog notices, a new worker reloads the model, nothing is lost', async ({
  page,
}) => {
  await freshPage(page);
  const pane = page.getByRole('region', { name: 'Pane A' });
  await loadGguf(page, 'A', 'loop');
  await setSharedMaxTokens(page, 100000);
  await sendPrompt(page, 'Keep going.');
  await expect(pane.getByRole('article', { name: 'Pane A reply (streaming)' })).toContainText(
    'tick tock ·tick tock',
  );
  const engines = page.workers().filter((w) => /\/assets\/worker-[^/]+\.js$/.test(w.url()));
  expect(engines).toHaveLength(1);
  await engines[0]?.evaluate(() => {
    self.close();
  });
  // The partial reply is kept, marked as failed; the pane comes back on its own.
  const kept = pane.getByRole('article', { name: 'Pane A reply' });
  await expect(kept).toContainText('tick tock ·tick tock', { timeout: 30_000 });
  await expect(kept).toContainText('(failed)');
  await expect(pane.getByRole('status').filter({ hasText: 'was restarted' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(pane.getByText('Ready', { exact: true })).toBeVisible();
  await expect(pane.getByRole('article', { name: 'You' })).toHaveText('Keep going.');
  await setSharedMaxTokens(page, 6);
  await sendPrompt(page, 'Again.');
  await expect(pane.getByRole('article', { name: 'Pane A reply' }).last()).toContainText(
    '(cut at the max-tokens limit)',
  );
});

test('a full context window is explained, and trimming old turns lets the conversation go on', async ({
  page,
}) => {
  await freshPage(page);
  const pane = page.getByRole('region', { name: 'Pane A' });
  await loadGguf(page, 'A', 'story');
  const long = (n: number) => `${n} ` + 'word '.repeat(160);
  for (let i = 1; i <= 3; i++) {
    await sendPrompt(page, long(i));
    await expect(pane.getByRole('article', { name: 'Pane A reply' })).toHaveCount(i);
  }
  const error = pane.getByRole('alert', { name: 'Pane A error' });
  // The byte-level test vocabulary makes each character a token: the fourth prompt overflows 2048.
  await sendPrompt(page, long(4));
  await expect(error).toContainText('The conversation no longer fits the context window.');
  await pane.getByRole('button', { name: 'Trim oldest turns and retry in pane A' }).click();
  await expect(error).toHaveCount(0);
  await expect(pane.getByRole('article', { name: 'Pane A reply' }).last()).toHaveText(expectedText('story'));
  await expect(pane.getByRole('article', { name: 'You' }).first()).toContainText('4 word');
});
