/**
 * Presentation mode with two real llama.cpp models (generated GGUFs): entered by the button and by P, a
 * demo edited, run with Space and →, ← back without resending, a summary card whose figures are those of
 * the exported session, Esc and "Exit presentation" leave, the edited demo survives a reload, a link with
 * present=1 opens it once the visitor accepted and the models loaded, and axe finds nothing (blind too).
 * Headless Chromium may grant or refuse fullscreen: the test checks what holds either way (the region
 * fills the viewport) and never asserts fullscreen itself.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { median } from '../src/metrics/stats';
import { formatBytes, formatMs, formatRate } from '../src/ui/format';
import { expect, test } from './test';
import { expectedText, MODELS } from './fixtures/models';
import { FIXTURES_DIR } from './paths';
import { fixtureUrl, freshPage, loadGguf, openTools, readSavedRecord } from './helpers';

const presentation = (page: Page) => page.getByRole('region', { name: 'Presentation', exact: true });
const step = (page: Page) => presentation(page).locator('.present-step');
const controls = (page: Page) => page.getByRole('toolbar', { name: 'Presentation controls' });
const paneIn = (page: Page, p: 'A' | 'B') => presentation(page).getByRole('region', { name: `Pane ${p}` });
const reply = (page: Page, p: 'A' | 'B') =>
  paneIn(page, p).getByRole('article', { name: `Pane ${p} reply`, exact: true });

async function axe(page: Page, info: TestInfo, state: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  await info.attach(`axe-${state}.json`, {
    body: JSON.stringify(result.violations, null, 2),
    contentType: 'application/json',
  });
  expect(
    result.violations.map(
      (v) => `${v.impact ?? ''} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
    `axe, ${state}`,
  ).toEqual([]);
}

/** The region covers the whole viewport (fullscreen or not: the in-page layout is the same). */
async function fillsViewport(page: Page): Promise<void> {
  const box = await presentation(page).boundingBox();
  const vp = page.viewportSize();
  if (!box || !vp) throw new Error('no box');
  expect(box).toEqual({ x: 0, y: 0, width: vp.width, height: vp.height });
}

async function savedUserPrompts(page: Page): Promise<number> {
  const r = (await readSavedRecord(page)) as { panes: { a: { messages: { role: string }[] } } };
  return r.panes.a.messages.filter((m) => m.role === 'user').length;
}

const STEP2 = 'Tell us one fact about lighthouses.';
/** The French list renders as a Markdown list (its "- " become bullets): a line of it, word for word. */
const FRENCH = 'Il reste 35 pommes à la fin.';

test('present: enter by button and P, edit and run a demo with Space/→/←, summary equals the export, leave by Esc and Exit, the demo survives a reload', async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await freshPage(page);
  await loadGguf(page, 'A', 'story');
  await loadGguf(page, 'B', 'frenchList');

  // In by the button; out by Esc, which leaves presentation mode first (nothing streams, nothing stops).
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(presentation(page)).toBeVisible();
  await expect(page.getByLabel('Prompt (sent to both panes)')).toBeHidden();
  await fillsViewport(page);
  await info.attach('fullscreen.txt', {
    body: String(await page.evaluate(() => document.fullscreenElement !== null)),
  });
  await page.keyboard.press('Escape');
  await expect(presentation(page)).toBeHidden();
  await expect(page.getByLabel('Prompt (sent to both panes)')).toBeVisible();
  // In by P (not while typing: a P typed into the prompt box is just a letter).
  await page.getByLabel('Prompt (sent to both panes)').fill('');
  await page.getByLabel('Prompt (sent to both panes)').press('p');
  await expect(page.getByLabel('Prompt (sent to both panes)')).toHaveValue('p');
  await expect(presentation(page)).toBeHidden();
  await page.getByRole('heading', { name: 'Tandem' }).click();
  await page.keyboard.press('p');
  await expect(presentation(page)).toBeVisible();
  await expect(page).toHaveURL(/present=1/);
  await expect(step(page)).toHaveText('Ready: 4 steps');

  // Edit: drop steps 3 and 4 (summary, JSON), add a step of our own and move it up to step 2.
  await controls(page).getByRole('button', { name: 'Edit the demo' }).click();
  const editor = page.getByRole('dialog', { name: 'Edit the demo' });
  await editor.getByRole('button', { name: 'Remove step 4' }).click();
  await editor.getByRole('button', { name: 'Remove step 3' }).click();
  await editor.getByRole('button', { name: 'Add a step' }).click();
  await expect(editor.getByRole('alert')).toHaveText('Step 3 is empty: write a prompt or remove the step.');
  await expect(editor.getByRole('button', { name: 'Save demo' })).toBeDisabled();
  await editor.getByLabel('Step 3 prompt').fill(STEP2);
  await editor.getByRole('button', { name: 'Move step 3 up' }).click();
  await expect(editor.getByLabel('Step 2 prompt')).toHaveValue(STEP2);
  await editor.getByRole('button', { name: 'Save demo' }).click();
  await expect(editor).toBeHidden();
  await expect(step(page)).toHaveText('Ready: 3 steps');

  // Space: step 1 goes to both panes.
  await page.keyboard.press(' ');
  await expect(step(page)).toHaveText('Step 1 of 3');
  await expect(presentation(page).getByRole('blockquote')).toContainText('Name three fruits');
  await expect(reply(page, 'A')).toHaveText(expectedText('story'));
  await expect(reply(page, 'B')).toContainText(FRENCH);
  // →: step 2.
  await page.keyboard.press('ArrowRight');
  await expect(step(page)).toHaveText('Step 2 of 3');
  await expect(presentation(page).getByRole('blockquote')).toHaveText(STEP2);
  await expect(reply(page, 'A')).toHaveText(expectedText('story'));
  await expect(reply(page, 'B')).toContainText(FRENCH);
  await expect.poll(() => savedUserPrompts(page)).toBe(2);
  // ←: step 1 again, shown as it was; → back to step 2: nothing is sent again.
  await page.keyboard.press('ArrowLeft');
  await expect(step(page)).toHaveText('Step 1 of 3');
  await expect(presentation(page).getByRole('blockquote')).toContainText('Name three fruits');
  await expect(reply(page, 'B')).toContainText(FRENCH);
  await page.keyboard.press('ArrowRight');
  await expect(step(page)).toHaveText('Step 2 of 3');
  // Step 3 (sent), with its figures in each pane; then the summary.
  await page.keyboard.press(' ');
  await expect(step(page)).toHaveText('Step 3 of 3');
  await expect(reply(page, 'A')).toHaveText(expectedText('story'));
  await expect(reply(page, 'B')).toContainText(FRENCH);
  await expect.poll(() => savedUserPrompts(page)).toBe(3);
  // The pane's big figures for step 3 (decode rate, then time to first token), checked against the export below.
  const stepFigures = async (p: 'A' | 'B') => {
    const defs = paneIn(page, p).getByLabel(`Pane ${p} figures`).getByRole('definition');
    return { decode: await defs.nth(0).innerText(), ttft: await defs.nth(2).innerText() };
  };
  await expect(paneIn(page, 'A').getByText('Decode', { exact: true })).toBeVisible();
  await expect(paneIn(page, 'B').getByText('Decode', { exact: true })).toBeVisible();
  const step3 = { a: await stepFigures('A'), b: await stepFigures('B') };
  await page.keyboard.press('ArrowRight');
  await expect(step(page)).toHaveText('Summary');
  const card = presentation(page).getByRole('region', { name: 'Demo summary' });
  await expect(card).toBeVisible();
  const a = card.getByRole('region', { name: 'Pane A summary' });
  const b = card.getByRole('region', { name: 'Pane B summary' });
  await expect(a.getByRole('definition').filter({ hasText: 'tokens in' })).toHaveText(
    '36 tokens in 3 replies',
  );
  await expect(b.getByRole('definition').filter({ hasText: 'tokens in' })).toHaveText(
    '12 tokens in 3 replies',
  );
  // Checks: steps 1 and 3 are presets (three "- " lines; the number 35): pane B's model passes both.
  await expect(a.getByRole('definition').filter({ hasText: / of / })).toHaveText('0 of 2');
  await expect(b.getByRole('definition').filter({ hasText: / of / })).toHaveText('2 of 2');
  // The download: each GGUF's own size, as the file on disk has it (the same figure as the pane's load line).
  for (const [card, name] of [
    [a, 'story'],
    [b, 'frenchList'],
  ] as const)
    await expect(
      card.getByRole('term').filter({ hasText: 'Download' }).locator('xpath=following-sibling::dd[1]'),
    ).toHaveText(formatBytes(statSync(join(FIXTURES_DIR, MODELS[name].file)).size));
  await axe(page, info, 'summary');
  const shown = async (r: typeof a) => ({
    ttft: await r.getByRole('definition').nth(0).innerText(),
    decode: await r.getByRole('definition').nth(1).innerText(),
  });
  const card1 = { a: await shown(a), b: await shown(b) };
  await info.attach('summary.png', { body: await page.screenshot(), contentType: 'image/png' });

  // Exit by its button; the export holds the same turns, and the card's figures are their medians.
  await controls(page).getByRole('button', { name: 'Exit presentation' }).click();
  await expect(presentation(page)).toBeHidden();
  await expect(page).not.toHaveURL(/present=1/);
  const pending = page.waitForEvent('download');
  await (await openTools(page, 'Export')).getByRole('button', { name: 'Export JSON' }).click();
  const report = JSON.parse(readFileSync(await (await pending).path(), 'utf8')) as {
    panes: Record<
      'a' | 'b',
      { turns: { metrics: { ttftMs: number; decodeTokensPerS: number; tokens: number } }[] }
    >;
  };
  for (const [id, got] of [
    ['a', card1.a],
    ['b', card1.b],
  ] as const) {
    const turns = report.panes[id].turns;
    expect(turns).toHaveLength(3);
    expect(got.ttft).toBe(formatMs(median(turns.map((t) => t.metrics.ttftMs))));
    expect(got.decode).toBe(formatRate(median(turns.map((t) => t.metrics.decodeTokensPerS))));
    // Step 3's figures in the pane were its own turn's (the export's third).
    const third = turns[2]?.metrics;
    expect(step3[id]).toEqual({ decode: formatRate(third?.decodeTokensPerS), ttft: formatMs(third?.ttftMs) });
  }

  // A reload keeps the edited demo.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Pane A' })).toBeVisible();
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(step(page)).toHaveText('Ready: 3 steps');
  await controls(page).getByRole('button', { name: 'Edit the demo' }).click();
  await expect(page.getByLabel('Step 2 prompt')).toHaveValue(STEP2);
  await expect(page.getByLabel('Step 3 prompt')).toHaveValue(/How many apples/);
});

test('present: a link with present=1 downloads nothing by itself, and opens presentation mode once the visitor accepted and the models loaded', async ({
  page,
}) => {
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (/\.gguf$/.test(new URL(r.url()).pathname)) fetched.push(r.url());
  });
  const q = new URLSearchParams({ a: fixtureUrl('story'), b: fixtureUrl('other'), present: '1' });
  await page.goto(`/?${q.toString()}`);
  const offer = page.getByRole('region', { name: 'Shared link' });
  await expect(offer).toBeVisible();
  await expect(page.getByText('This link opens presentation mode once the models are loaded.')).toBeVisible();
  await expect(presentation(page)).toBeHidden();
  expect(fetched).toEqual([]);
  await offer.getByRole('button', { name: 'Load the linked models' }).click();
  await expect(presentation(page)).toBeVisible({ timeout: 60_000 });
  // Both models were ready when it opened: the demo can start at once.
  await expect(page.getByRole('region', { name: 'Pane A', exact: true })).toBeVisible();
  await expect(step(page)).toHaveText('Ready: 4 steps');
  await presentation(page).getByRole('button', { name: 'Run the demo' }).click();
  await expect(step(page)).toHaveText('Step 1 of 4');
  await expect(reply(page, 'A')).toHaveText(expectedText('story'));
  await expect(reply(page, 'B')).toHaveText(expectedText('other'));
  // Opened by the page, not by a click: no fullscreen (the browser needs a gesture), the same layout in
  // the page instead, and fullscreen offered as a button.
  expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
  await fillsViewport(page);
  await expect(controls(page).getByRole('button', { name: 'Full screen' })).toBeVisible();
});

test('present: axe finds no violation in presentation mode, nor in blind mode, where no model is named', async ({
  page,
}, info) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await freshPage(page);
  await loadGguf(page, 'A', 'story');
  await loadGguf(page, 'B', 'other');
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await axe(page, info, 'ready');
  await page.keyboard.press(' ');
  await expect(reply(page, 'A')).toHaveText(expectedText('story'));
  await expect(reply(page, 'B')).toHaveText(expectedText('other'));
  await axe(page, info, 'step');
  await controls(page).getByRole('button', { name: 'Exit presentation' }).click();

  await page.getByRole('switch', { name: 'Blind' }).check();
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(presentation(page).getByRole('region', { name: 'Model 1' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(step(page)).toHaveText('Step 2 of 4');
  const side = (n: 1 | 2) =>
    presentation(page)
      .getByRole('region', { name: `Model ${n}` })
      .getByRole('article', { name: `Model ${n} reply`, exact: true });
  await expect(side(1)).toHaveText(/.+/);
  await expect(side(2)).toHaveText(/.+/);
  await axe(page, info, 'blind');
  const text = await presentation(page).evaluate((el: HTMLElement) =>
    [
      el.innerText,
      ...[...el.querySelectorAll('*')].flatMap((e) => [
        e.getAttribute('aria-label') ?? '',
        e.getAttribute('title') ?? '',
      ]),
    ].join('\n'),
  );
  for (const name of ['story', 'other', 'gguf', 'Pane A', 'Pane B']) expect(text).not.toContain(name);
  // The vote buttons are hidden here, so the vote keys do nothing (checked on the page below).
  await page.keyboard.press('1');
  // Each step once both replies are in (a step is not sent while a pane still answers).
  for (const next of ['Step 3 of 4', 'Step 4 of 4', 'Summary']) {
    await expect(side(1)).toHaveText(/.+/);
    await expect(side(2)).toHaveText(/.+/);
    await page.keyboard.press(' ');
    await expect(step(page)).toHaveText(next);
  }
  await expect(presentation(page).getByRole('region', { name: 'Model 1 summary' })).toBeVisible();
  await axe(page, info, 'blind-summary');
  await page.keyboard.press('Escape');
  await expect(presentation(page)).toBeHidden();
  await expect(page.getByText(/Round 1: .* 0 votes so far\./)).toBeVisible();
});
