import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/test';
import { freshPage, loadGguf, setSharedMaxTokens } from '../e2e/helpers';

const presentation = (page: Page) => page.getByRole('region', { name: 'Presentation', exact: true });
const step = (page: Page) => presentation(page).locator('.present-step');

/** The README's pictures of presentation mode: a step of the demo mid-way, then its summary card. */
test('README screenshot: presentation mode, a demo step and the summary card', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await freshPage(page);
  await loadGguf(page, 'A', 'demoA');
  await loadGguf(page, 'B', 'demoB');
  // The stand-ins never stop by themselves: a few sentences per reply.
  await setSharedMaxTokens(page, 60);
  // The worker's memory is measured every ~10 s: the summary card shows the last sample.
  for (const p of ['A', 'B'])
    await expect(page.getByLabel(`Pane ${p} figures`).getByRole('definition').last()).toHaveText(/MB/, {
      timeout: 30_000,
    });
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(presentation(page)).toBeVisible();
  // The stand-ins' tiny vocabulary spells long prompts out nearly letter by letter: the default script's
  // long summary and JSON steps would overflow their 2,048-token context. Two short steps, edited in.
  await page.getByRole('button', { name: 'Edit the demo' }).click();
  const editor = page.getByRole('dialog', { name: 'Edit the demo' });
  await editor.getByRole('button', { name: 'Remove step 4' }).click();
  await editor.getByRole('button', { name: 'Remove step 3' }).click();
  await editor.getByRole('button', { name: 'Save demo' }).click();
  await expect(editor).toBeHidden();
  const total = Number(/(\d+) steps/.exec((await step(page).textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(1);
  for (let i = 1; i <= total; i++) {
    await page.keyboard.press(' ');
    await expect(step(page)).toHaveText(`Step ${i} of ${total}`);
    // Both replies of the step, finished, before going on (a step still streaming refuses "next").
    for (const p of ['A', 'B'])
      await expect(
        presentation(page)
          .getByRole('region', { name: `Pane ${p}` })
          .getByRole('article', {
            name: `Pane ${p} reply`,
            exact: true,
          }),
      ).toBeVisible({ timeout: 60_000 });
    if (i === total) await page.screenshot({ path: 'docs/presentation.png' });
  }
  await page.keyboard.press(' ');
  await expect(step(page)).toHaveText('Summary');
  await expect(presentation(page).getByRole('region', { name: 'Demo summary' })).toBeVisible();
  await page.screenshot({ path: 'docs/presentation-summary.png' });
});
