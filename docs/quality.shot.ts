import { expect, test } from '../e2e/test';
import { serveRows } from '../e2e/fixtures/mmlu';
import { freshPage, loadGguf } from '../e2e/helpers';

/** The README's picture of a finished quality check: two scripted stand-ins on the test suite's MMLU rows. */
test('README screenshot: the quality check', async ({ page, context }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await serveRows(context);
  await freshPage(page);
  await loadGguf(page, 'A', 'answerB');
  await loadGguf(page, 'B', 'answerA');
  const quality = page.getByRole('region', { name: 'Quality', exact: true });
  await quality.getByRole('button', { name: 'Run quality check' }).click();
  await expect(quality.getByRole('status', { name: 'Quality check status' })).toContainText(
    '5 of 5 questions answered',
    { timeout: 60_000 },
  );
  await quality.scrollIntoViewIfNeeded();
  await quality.screenshot({ path: 'docs/quality.png' });
});
