import { expect, test } from '../e2e/test';
import { freshPage, loadGguf, sendPrompt, setSharedMaxTokens } from '../e2e/helpers';

test('README screenshot: two panes streaming at once', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await freshPage(page);
  await loadGguf(page, 'A', 'demoA');
  await loadGguf(page, 'B', 'demoB');
  await setSharedMaxTokens(page, 100000);
  await sendPrompt(page, 'Why is the 3B faster than the 8B on this laptop?');
  for (const p of ['A', 'B'] as const)
    await expect(page.getByRole('article', { name: `Pane ${p} reply (streaming)` })).toContainText('. The');
  await page.getByRole('region', { name: 'Pane A' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/screenshot.png', fullPage: false });
  // Still streaming when the picture was taken.
  for (const p of ['A', 'B'] as const)
    await expect(page.getByRole('article', { name: `Pane ${p} reply (streaming)` })).toBeVisible();
  // The charts while both stream, a few seconds in.
  const telemetry = page.getByRole('region', { name: 'Telemetry' });
  await telemetry.scrollIntoViewIfNeeded();
  await page.waitForTimeout(3000);
  await telemetry.screenshot({ path: 'docs/telemetry.png' });
  for (const p of ['A', 'B'] as const)
    await expect(page.getByRole('article', { name: `Pane ${p} reply (streaming)` })).toBeVisible();
  await page.keyboard.press('Escape');
});
