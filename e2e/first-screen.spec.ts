/**
 * The first screen is the comparison, at the sizes people use: a laptop (1366×768), a desktop monitor
 * (1920×1080) and a phone (390×844). The panes, their live figures and the prompt box are in view without
 * scrolling, nothing covers the replies, and each state passes an accessibility check (axe: no serious or
 * critical violations). Screenshots are attached to the test report.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, test } from './test';
import { expectedText } from './fixtures/models';
import { freshPage, loadGguf, sendPrompt, setSharedMaxTokens } from './helpers';

const SIZES = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'desktop', width: 1920, height: 1080 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** The element's box lies inside the viewport. */
async function inView(page: Page, el: Locator): Promise<void> {
  const box = await el.boundingBox();
  const vp = page.viewportSize();
  if (!box || !vp) throw new Error('no box or viewport');
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(vp.width + 0.5);
  expect(box.y + box.height).toBeLessThanOrEqual(vp.height + 0.5);
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** No serious or critical accessibility violation in the page as it is now. */
async function axe(page: Page, info: TestInfo, state: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  await info.attach(`axe-${state}.json`, {
    body: JSON.stringify(result.violations, null, 2),
    contentType: 'application/json',
  });
  expect(
    bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe, ${state}`,
  ).toEqual([]);
}

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  await info.attach(name, { body: await page.screenshot(), contentType: 'image/png' });
}

for (const size of SIZES) {
  test(`first screen at ${size.width}×${size.height} (${size.name}): panes, figures and prompt in view, nothing over the replies`, async ({
    page,
  }, info) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await freshPage(page);
    const prompt = page.getByLabel('Prompt (sent to both panes)');
    await inView(page, prompt);
    await inView(page, page.getByRole('button', { name: 'Send', exact: true }));
    await shot(page, info, `${size.name}-empty.png`);
    await loadGguf(page, 'A', 'story');
    await loadGguf(page, 'B', 'other');
    await sendPrompt(page, 'Compare yourselves.');
    const panes = size.name === 'phone' ? (['A'] as const) : (['A', 'B'] as const);
    for (const p of panes) {
      const pane = page.getByRole('region', { name: `Pane ${p}` });
      await expect(pane.getByRole('article', { name: `Pane ${p} reply` })).toHaveText(
        expectedText(p === 'A' ? 'story' : 'other'),
      );
      await inView(page, pane.getByRole('heading', { level: 2 }));
      await inView(page, pane.getByRole('definition').first());
      await inView(page, pane.getByRole('article', { name: `Pane ${p} reply` }));
      // The prompt box never covers a reply.
      const reply = await pane.getByRole('article', { name: `Pane ${p} reply` }).boundingBox();
      const box = await prompt.boundingBox();
      if (!reply || !box) throw new Error('no box');
      expect(overlaps(reply, box)).toBe(false);
    }
    await inView(page, prompt);
    if (size.name === 'phone') {
      // On a phone the panes are tabs: pane B is one tap away, and its reply is there.
      await page.getByRole('tab', { name: /Pane B/ }).click();
      await expect(page.getByRole('article', { name: 'Pane B reply' })).toHaveText(expectedText('other'));
      await inView(page, page.getByRole('article', { name: 'Pane B reply' }));
    }
    await shot(page, info, `${size.name}-answered.png`);
  });
}

test('accessibility (axe) in each state: empty, loading, streaming, error, dark theme', async ({
  page,
}, info) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await freshPage(page);
  await axe(page, info, 'empty');
  // Loading: pane A's download is held until the check has run.
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/loop\.gguf$/, async (route) => {
    await held;
    await route.continue();
  });
  const a = page.getByRole('region', { name: 'Pane A' });
  await a.getByRole('button', { name: 'Change model in pane A' }).click();
  await a.getByText('Add a model by URL').click();
  await a.getByLabel(/^Model URL/).fill(`${new URL(page.url()).origin}/__fixtures__/loop.gguf`);
  await a.getByRole('button', { name: 'Add and load in pane A' }).click();
  await expect(a.getByText('Loading…')).toBeVisible();
  await axe(page, info, 'loading');
  release();
  await expect(a.getByText('Ready', { exact: true })).toBeVisible({ timeout: 60_000 });
  // Streaming: the looping model never stops by itself.
  await setSharedMaxTokens(page, 100000);
  await sendPrompt(page, 'Go on.');
  await expect(a.getByRole('article', { name: 'Pane A reply (streaming)' })).toContainText('tick tock');
  await axe(page, info, 'streaming');
  await page.keyboard.press('Escape');
  await expect(a.getByRole('article', { name: 'Pane A reply' })).toContainText('(stopped)');
  // Error: pane B's default model cannot be fetched here.
  await page.getByRole('button', { name: 'Load model in pane B' }).click();
  await expect(page.getByRole('alert', { name: 'Pane B error' })).toBeVisible({ timeout: 30_000 });
  await axe(page, info, 'error');
  await shot(page, info, 'error.png');
  // The dark theme, chosen with the toggle, passes too (contrast).
  await page.getByRole('button', { name: /theme \(change\)/ }).click();
  await page.getByRole('button', { name: /theme \(change\)/ }).click();
  await expect(page.getByRole('button', { name: 'Dark theme (change)' })).toBeVisible();
  // Dark for real: the page's background is dark.
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(bg).toBe('rgb(15, 18, 22)');
  await axe(page, info, 'dark');
  await shot(page, info, 'dark.png');
});
