import { expect, test } from '../e2e/test';
import { freshPage, loadGguf, sendPrompt, setSharedMaxTokens } from '../e2e/helpers';

const PANES = ['A', 'B'] as const;

test('README screenshot: the first screen, two panes streaming at once', async ({ page }) => {
  test.setTimeout(180_000);
  // A laptop's screen: the first screen is the comparison, nothing to scroll to.
  await page.setViewportSize({ width: 1366, height: 768 });
  await freshPage(page);
  await loadGguf(page, 'A', 'demoA');
  await loadGguf(page, 'B', 'demoB');
  // A first, short turn: the panes' figures then hold a finished reply's time to first token.
  await setSharedMaxTokens(page, 24);
  await sendPrompt(page, 'In one line: what are you?');
  for (const p of PANES)
    await expect(page.getByRole('article', { name: `Pane ${p} reply`, exact: true })).toHaveCount(1, {
      timeout: 60_000,
    });
  // The worker's memory is measured every ~10 s: wait for a figure rather than picture a dash. Before the
  // long turn: the stand-in models fill their context in about 12 s at full speed.
  for (const p of PANES) {
    const memory = page.getByRole('region', { name: `Pane ${p}` }).getByLabel(`Pane ${p} figures`);
    await expect(memory.getByRole('definition').last()).toHaveText(/MB/, { timeout: 30_000 });
  }
  await setSharedMaxTokens(page, 100000);
  await sendPrompt(page, 'Why is the 3B faster than the 8B on this laptop?');
  for (const p of PANES) {
    const pane = page.getByRole('region', { name: `Pane ${p}` });
    await expect(pane.getByRole('article', { name: `Pane ${p} reply (streaming)` })).toContainText('. The');
  }
  await page.screenshot({ path: 'docs/screenshot.png', fullPage: false });
  // Still streaming when the picture was taken.
  for (const p of PANES)
    await expect(page.getByRole('article', { name: `Pane ${p} reply (streaming)` })).toBeVisible();
  // The charts with real data: a few memory samples, the live rate, then the finished turns in the history.
  await page.setViewportSize({ width: 1400, height: 1000 });
  const telemetry = page.getByRole('region', { name: 'Telemetry' });
  await telemetry.scrollIntoViewIfNeeded();
  await page.waitForTimeout(12_000);
  await page.keyboard.press('Escape');
  for (const p of PANES)
    await expect(page.getByRole('article', { name: `Pane ${p} reply`, exact: true })).toHaveCount(2);
  await page.waitForTimeout(1500);
  await telemetry.screenshot({ path: 'docs/telemetry.png' });
});
