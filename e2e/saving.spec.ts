/**
 * A save that fails is never silent: when the site's storage is full, the page says the conversation
 * could not be saved, keeps it on screen, and offers the ways out; once there is room, saving works again.
 */
import { expect, test } from './test';
import { expectedText } from './fixtures/models';
import { freshPage, loadGguf, readSession, sendPrompt } from './helpers';

test('a full storage is said at once, with an export and a retry, and nothing on screen is lost', async ({
  page,
}) => {
  // A full disk, injected where the browser reports it: IndexedDB's put throws QuotaExceededError while
  // window.__quotaFull is set. (CDP's quota override could not be made to refuse IndexedDB writes once the
  // origin holds a model in OPFS, so it cannot stand in for a full disk here.)
  await page.addInitScript(() => {
    const put = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'put')
      ?.value as IDBObjectStore['put'];
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if ((window as { __quotaFull?: boolean }).__quotaFull)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await freshPage(page);
  await loadGguf(page, 'A', 'story');
  await sendPrompt(page, 'Saved fine.');
  await expect(page.getByRole('article', { name: 'Pane A reply' })).toHaveText(expectedText('story'));
  await readSession(page);
  await page.evaluate(() => ((window as { __quotaFull?: boolean }).__quotaFull = true));
  const long = `Not saved: ${'x'.repeat(200)}`;
  await sendPrompt(page, long);
  const warning = page.getByRole('alert', { name: 'Saving failed' });
  await expect(warning).toContainText(
    'Your conversation could not be saved: the browser’s storage for this site is full.',
  );
  await expect(page.getByRole('article', { name: 'Pane A reply' })).toHaveCount(2);
  const download = page.waitForEvent('download');
  await warning.getByRole('button', { name: 'Export the transcript (JSON)' }).click();
  const exported = JSON.parse(
    await (
      await (await download).createReadStream()
    )
      .toArray()
      .then((c) => Buffer.concat(c).toString('utf8')),
  ) as unknown;
  expect(JSON.stringify(exported)).toContain('Not saved: xxxx');
  // While the disk is still full, the retry fails again and says so (the warning stays).
  await warning.getByRole('button', { name: 'Try saving again' }).click();
  await expect(warning).toContainText('the browser’s storage for this site is full');
  await page.evaluate(() => ((window as { __quotaFull?: boolean }).__quotaFull = false));
  // Room again: "Try saving again" saves — unless a save the page makes by itself got there first, which
  // clears the warning just the same (then the button is gone before the click).
  await warning
    .getByRole('button', { name: 'Try saving again' })
    .click({ timeout: 5_000 })
    .catch(() => undefined);
  await expect(warning).toBeHidden();
  const saved = await readSession(page);
  expect(saved.a.messages.filter((m) => m.role === 'user').map((m) => m.content.slice(0, 11))).toEqual([
    'Saved fine.',
    'Not saved: ',
  ]);
});
