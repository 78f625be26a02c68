import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/test';
import { expectedText } from '../e2e/fixtures/models';
import { fixtureUrl, freshPage, sendPrompt, setSharedMaxTokens } from '../e2e/helpers';

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** The README's picture of a revealed blind tally: a blind link, eight voted turns, then Reveal. */
test('README screenshot: a revealed blind tally', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  await freshPage(page);
  const q = new URLSearchParams({ a: fixtureUrl('demoA'), b: fixtureUrl('demoB'), blind: '1' });
  await page.goto(`/?${q.toString()}`);
  await region(page, 'Shared link').getByRole('button', { name: 'Load the linked models' }).click();
  for (const side of [1, 2])
    await expect(region(page, `Model ${side}`).getByText('Ready', { exact: true })).toBeVisible({
      timeout: 60_000,
    });
  await setSharedMaxTokens(page, 13);
  const blind = region(page, 'Blind comparison');
  // The "3B" stand-in wins four, the "8B" two; one tie, one "both bad" — whichever side each was on.
  const plan = ['3b', '3b', '8b', 'tie', '3b', 'bad', '8b', '3b'] as const;
  for (const [i, want] of plan.entries()) {
    if (i % 2 === 1) await blind.getByRole('button', { name: 'Re-draw sides' }).click();
    await sendPrompt(page, `Question ${i + 1}: explain it in one sentence.`);
    for (const side of [1, 2])
      await expect(
        region(page, `Model ${side}`).getByRole('article', { name: `Model ${side} reply`, exact: true }),
      ).toHaveCount(i + 1, { timeout: 60_000 });
    const oneSaid = await region(page, 'Model 1')
      .getByRole('article', { name: 'Model 1 reply', exact: true })
      .last()
      .textContent();
    // The stand-ins say which they stand for: "The 3B model answers first…" / "The 8B model takes longer…".
    const oneIs3b = oneSaid?.startsWith(expectedText('demoA').slice(0, 6)) ?? false;
    const button =
      want === 'tie'
        ? 'Tie'
        : want === 'bad'
          ? 'Both bad'
          : (want === '3b') === oneIs3b
            ? 'Model 1 better'
            : 'Model 2 better';
    await blind.getByRole('button', { name: button, exact: true }).click();
  }
  await blind.getByRole('button', { name: 'Reveal the models and the tally' }).click();
  await expect(blind.getByRole('table', { name: 'Blind round 1 tally' })).toBeVisible();
  await blind.scrollIntoViewIfNeeded();
  await blind.screenshot({ path: 'docs/blind-tally.png' });
});
