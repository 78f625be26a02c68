/**
 * The quality check on real engines (llama.cpp WASM on generated scripted models: `answerB` always says
 * "The answer is (B)", `answerA` says "A"), against a stand-in rows API with known answers.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { freshPage, loadGguf, openTools } from './helpers';
import { cors, HOSTILE_QUESTION, SKIPPED_REASONS, serveRows } from './fixtures/mmlu';

/** The 95% Wilson score interval, written out here (not the app's code). */
function wilson(k: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
const pct = (x: number): string => (x * 100).toFixed(1);
const accuracy = (k: number, n: number): string => {
  const [lo, hi] = wilson(k, n);
  return `${pct(k / n)}% (95% CI ${pct(lo)}–${pct(hi)}%)`;
};

const quality = (page: Page) => page.getByRole('region', { name: 'Quality', exact: true });
const status = (page: Page) => quality(page).getByRole('status', { name: 'Quality check status' });
const cells = (page: Page, table: string, row: RegExp) =>
  quality(page).getByRole('table', { name: table }).getByRole('row', { name: row }).getByRole('cell');

interface Exported {
  quality: {
    seed: number;
    shots: number;
    createdAt: string;
    questions: {
      question: string;
      answers: Record<string, { letter: string | null; timing: { engineStats: { promptTokens: number } } }>;
    }[];
    panes: Record<
      string,
      { score: { correct: number; scored: number; accuracy: number; ciLow: number; ciHigh: number } }
    >;
  };
  presets: { rows: { presetId: string; results: Record<string, { verdict: string }> }[] } | null;
}

async function exportJson(page: Page): Promise<Exported> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    openTools(page, 'Export').then((d) => d.getByRole('button', { name: 'Export JSON' }).click()),
  ]);
  return JSON.parse(readFileSync(await download.path(), 'utf8')) as Exported;
}

async function runAndWait(page: Page, done: string): Promise<void> {
  await quality(page).getByRole('button', { name: 'Run quality check' }).click();
  await expect(quality(page).getByRole('button', { name: 'Run quality check' })).toBeEnabled({
    timeout: 60_000,
  });
  await expect(status(page)).toContainText(done);
}

test('an MMLU sample scores both models exactly, shows questions as text, repeats 5-shot and offline, and exports', async ({
  page,
  context,
  offsite,
}) => {
  const rows = await serveRows(context);
  await freshPage(page);
  await loadGguf(page, 'A', 'answerB');
  await loadGguf(page, 'B', 'answerA');
  await runAndWait(page, '5 of 5 questions answered');
  // One request: the first page holds the whole (7-row) split; the sample comes from the saved rows.
  expect(rows.log.map((r) => r.url.searchParams.get('split'))).toEqual(['test']);
  await expect(status(page)).toContainText('Pane A: 3 of 5 right (60.0%) · Pane B: 1 of 5 right (20.0%)');

  const table = 'MMLU accuracy per model';
  await expect(cells(page, table, /^Pane A/).nth(1)).toHaveText(accuracy(3, 5));
  await expect(cells(page, table, /^Pane A/).nth(2)).toHaveText('3 / 5');
  await expect(cells(page, table, /^Pane B/).nth(1)).toHaveText(accuracy(1, 5));
  await expect(cells(page, table, /^Pane B/).nth(3)).toHaveText('0');
  const subjects = 'MMLU accuracy per subject';
  await expect(cells(page, subjects, /^astronomy/)).toHaveText([
    '2',
    `${accuracy(1, 2)}, 1 / 2`,
    `${accuracy(1, 2)}, 1 / 2`,
  ]);
  await expect(cells(page, subjects, /^virology/)).toHaveText([
    '3',
    `${accuracy(2, 3)}, 2 / 3`,
    `${accuracy(0, 3)}, 0 / 3`,
  ]);
  await expect(quality(page).getByText(/malformed rows skipped/)).toContainText('2 malformed rows skipped');
  await quality(page).getByText('Rows skipped (2)').click();
  await expect(quality(page).getByRole('list', { name: 'Skipped rows' }).getByRole('listitem')).toHaveText([
    `Row 5: ${SKIPPED_REASONS[0]}`,
    `Row 6: ${SKIPPED_REASONS[1]}`,
  ]);

  // The comparison table carries the measured figure.
  const measured = page
    .getByRole('region', { name: 'Comparison' })
    .getByRole('row', { name: /^Accuracy on an MMLU sample/ });
  await expect(measured.getByRole('cell').first()).toHaveText(`${accuracy(3, 5)}, 3 / 5`);

  // Per question: the HTML and Markdown question is text; nothing in it ran or loaded.
  await quality(page).getByText('Per-question answers (5)').click();
  const perQuestion = quality(page).getByRole('table', { name: 'Per-question answers' });
  const hostile = perQuestion.getByRole('row').filter({ hasText: HOSTILE_QUESTION });
  await expect(hostile).toHaveCount(1);
  await expect(hostile.getByRole('cell').nth(1)).toHaveText('B');
  await expect(hostile.getByRole('cell').nth(2)).toHaveText('The answer is (B) → B (✓ right)');
  await expect(hostile.getByRole('cell').nth(3)).toHaveText('A → A (✗ wrong)');
  await expect(quality(page).getByRole('img')).toHaveCount(0);
  await expect(quality(page).getByRole('link')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

  const first = await exportJson(page);
  expect(first.quality.seed).toBe(1234);
  expect(first.quality.shots).toBe(0);
  expect(first.quality.questions).toHaveLength(5);
  const [lo, hi] = wilson(3, 5);
  expect(first.quality.panes.a?.score).toMatchObject({ correct: 3, scored: 5, accuracy: 0.6 });
  expect(first.quality.panes.a?.score.ciLow).toBeCloseTo(lo, 12);
  expect(first.quality.panes.a?.score.ciHigh).toBeCloseTo(hi, 12);

  // 5-shot: the dev split is fetched once; the same answers, on longer prompts.
  await quality(page)
    .getByRole('combobox', { name: /^Prompt format/ })
    .selectOption('5');
  await runAndWait(page, '5 of 5 questions answered');
  expect(rows.log.map((r) => r.url.searchParams.get('split'))).toEqual(['test', 'dev']);
  await expect(cells(page, table, /^Pane A/).nth(1)).toHaveText(accuracy(3, 5));
  const fiveShot = await exportJson(page);
  expect(fiveShot.quality.shots).toBe(5);
  const tokens = (e: Exported) => e.quality.questions[0]?.answers.a?.timing.engineStats.promptTokens ?? 0;
  expect(tokens(fiveShot)).toBeGreaterThan(tokens(first) + 100);

  // Offline: the same run needs nothing from the network.
  await rows.stop();
  await runAndWait(page, '5 of 5 questions answered');
  const offline = await exportJson(page);
  expect(Date.parse(offline.quality.createdAt)).toBeGreaterThan(Date.parse(fiveShot.quality.createdAt));
  expect(offline.quality.panes.b?.score).toMatchObject({ correct: 1, scored: 5 });
  expect(rows.log).toHaveLength(2);
  expect(offsite.filter((u) => u.includes('datasets-server'))).toEqual([]);

  // Offline with nothing saved for the chosen subject: a clear message, and the last results stay.
  await quality(page)
    .getByRole('combobox', { name: /^Subjects/ })
    .selectOption('nutrition');
  await quality(page).getByRole('button', { name: 'Run quality check' }).click();
  await expect(quality(page).getByRole('alert')).toContainText('this browser seems to be offline', {
    timeout: 30_000,
  });
  expect(offsite.filter((u) => u.includes('datasets-server')).length).toBeGreaterThan(0);
  await expect(cells(page, table, /^Pane A/).nth(1)).toHaveText(accuracy(3, 5));
});

test('the rows API: a 429 is retried after its Retry-After; a lasting 503, a non-JSON and a shapeless answer end in clear messages', async ({
  page,
  context,
}) => {
  let mode: 'ok' | '503' | 'html' | 'shapeless' = 'ok';
  const rows = await serveRows(context, async (route, n) => {
    if (n === 1) {
      await route.fulfill({
        status: 429,
        headers: {
          ...cors,
          'Retry-After': '1',
          // A cross-origin page reads Retry-After only when the server exposes it.
          'Access-Control-Expose-Headers': 'Retry-After',
        },
        body: 'slow down',
      });
      return true;
    }
    if (mode === '503') await route.fulfill({ status: 503, headers: cors, body: 'down' });
    else if (mode === 'html')
      await route.fulfill({
        status: 200,
        headers: { ...cors, 'Content-Type': 'text/html' },
        body: '<html>Oops</html>',
      });
    else if (mode === 'shapeless')
      await route.fulfill({ status: 200, headers: cors, json: { rows: 'none' } });
    return mode !== 'ok';
  });
  await freshPage(page);
  await loadGguf(page, 'A', 'answerB');
  await quality(page).getByRole('button', { name: 'Run quality check' }).click();
  await expect(status(page)).toContainText(
    'The dataset server answered HTTP 429; trying again in 1.0 s (retry 1 of 3).',
  );
  await expect(status(page)).toContainText('5 of 5 questions answered');
  expect(rows.log).toHaveLength(2);
  expect((rows.log[1]?.at ?? 0) - (rows.log[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
  // Only pane A had a model: only pane A is scored.
  await expect(cells(page, 'MMLU accuracy per model', /^Pane A/).nth(1)).toHaveText(accuracy(3, 5));
  await expect(
    quality(page).getByRole('table', { name: 'MMLU accuracy per model' }).getByRole('row'),
  ).toHaveCount(2);

  await quality(page)
    .getByRole('combobox', { name: /^Subjects/ })
    .selectOption('nutrition');
  const run = quality(page).getByRole('button', { name: 'Run quality check' });
  const alert = quality(page).getByRole('alert');
  mode = '503';
  await run.click();
  await expect(alert).toContainText(
    'The dataset server is failing (HTTP 503), and still was after several tries.',
  );
  expect(rows.log).toHaveLength(2 + 4);
  mode = 'html';
  await run.click();
  await expect(alert).toContainText("The dataset server's answer is not JSON.");
  mode = 'shapeless';
  await run.click();
  await expect(alert).toContainText(
    "The dataset server's answer is not a list of rows (rows: no list of rows).",
  );
  // Neither is retried: asking again would not change its shape.
  expect(rows.log).toHaveLength(2 + 4 + 1 + 1);
  // The finished run is still there.
  await expect(cells(page, 'MMLU accuracy per model', /^Pane A/).nth(1)).toHaveText(accuracy(3, 5));
});

test('a run stops, survives a reload and resumes; a question the engine refuses fails alone', async ({
  page,
  context,
}) => {
  await serveRows(context);
  await freshPage(page);
  await loadGguf(page, 'A', 'answerB');
  await loadGguf(page, 'B', 'answerA');
  await quality(page)
    .getByRole('combobox', { name: /^Questions/ })
    .selectOption('100');
  await quality(page)
    .getByRole('combobox', { name: /^Subjects/ })
    .selectOption('nutrition');
  await quality(page).getByRole('button', { name: 'Run quality check' }).click();
  await expect(status(page)).toContainText(/Question (1[2-9]|[2-5]\d) of 60/, { timeout: 60_000 });
  // While it runs, no chat turn can start in its panes.
  await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
  await quality(page).getByRole('button', { name: 'Stop quality check' }).click();
  await expect(status(page)).toContainText(/^\d+ of 60 questions answered — stopped; Resume continues/);
  const stoppedAt = Number(/^(\d+) of 60/.exec((await status(page).textContent()) ?? '')?.[1]);
  expect(stoppedAt).toBeGreaterThan(5);
  expect(stoppedAt).toBeLessThan(60);

  await page.reload();
  await expect(status(page)).toContainText(
    `${stoppedAt} of 60 questions answered — stopped; Resume continues`,
  );
  // Resume needs the same models in the same panes.
  await loadGguf(page, 'A', 'answerB');
  await loadGguf(page, 'B', 'answerA');
  await quality(page).getByRole('button', { name: 'Resume quality check' }).click();
  await expect(status(page)).toContainText('60 of 60 questions answered', { timeout: 60_000 });
  const table = 'MMLU accuracy per model';
  for (const pane of [/^Pane A/, /^Pane B/]) {
    await expect(cells(page, table, pane).nth(1)).toHaveText(accuracy(15, 59));
    await expect(cells(page, table, pane).nth(2)).toHaveText('15 / 59');
    await expect(cells(page, table, pane).nth(4)).toHaveText('1');
  }
  await quality(page).getByText('Per-question answers (60)').click();
  const refused = quality(page)
    .getByRole('table', { name: 'Per-question answers' })
    .getByRole('row')
    .filter({ hasText: 'How many words follow?' });
  await expect(refused.getByRole('cell').nth(2)).toContainText(/^failed: /);
  await expect(refused.getByRole('cell').nth(3)).toContainText(/^failed: /);
  await expect(
    page.getByRole('region', { name: 'Pane A' }).getByText('Ready', { exact: true }),
  ).toBeVisible();
});

const presetsRegion = (page: Page) => page.getByRole('region', { name: 'Prompt presets' });
const presetCheck = (page: Page, pane: 'A' | 'B') =>
  page.getByRole('region', { name: `Pane ${pane}` }).getByLabel('Preset check');

test('a preset fills the prompt box, and each pane’s reply is checked beside its turn, also after a reload', async ({
  page,
}) => {
  await freshPage(page);
  await loadGguf(page, 'A', 'jsonGood');
  await loadGguf(page, 'B', 'jsonBad');
  const presets = presetsRegion(page);
  await presets.getByRole('combobox', { name: /^Preset/ }).selectOption('json');
  await expect(presets).toContainText(
    'Automatic check: the reply parses as JSON and matches the schema (JSON Schema 2020-12).',
  );
  await presets.getByRole('button', { name: 'Put the preset in the prompt box' }).click();
  await expect(page.getByLabel('Prompt (sent to both panes)')).toHaveValue(
    /^Describe the programming language Python as a JSON object/,
  );
  await page.getByRole('button', { name: 'Send' }).click();
  const passed = 'Preset check (Structured output): ✓ passed: valid JSON, matches the schema';
  const failed =
    'Preset check (Structured output): ✗ failed: valid JSON, but not the schema: /year: Instance type "string" is invalid. Expected "integer".';
  await expect(presetCheck(page, 'A')).toHaveText(passed);
  await expect(presetCheck(page, 'B')).toHaveText(failed);
  // A prompt that is not a preset gets no check.
  await page.getByLabel('Prompt (sent to both panes)').fill('Hello there');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(
    page.getByRole('region', { name: 'Pane B' }).getByRole('article', { name: 'Pane B reply' }),
  ).toHaveCount(2);
  await expect(presetCheck(page, 'A')).toHaveCount(1);
  // The preset id is saved with the prompt: the checks come back with the transcript.
  await page.reload();
  await expect(presetCheck(page, 'A')).toHaveText(passed);
  await expect(presetCheck(page, 'B')).toHaveText(failed);
});

test('"Run all presets" asks every preset of both models and fills the table with checks and timings', async ({
  page,
}) => {
  await freshPage(page);
  await loadGguf(page, 'A', 'frenchList');
  await loadGguf(page, 'B', 'loop');
  const presets = presetsRegion(page);
  await presets.getByRole('button', { name: 'Run all presets' }).click();
  await expect(presets.getByRole('status', { name: 'Presets status' })).toHaveText('All presets asked.', {
    timeout: 120_000,
  });
  const table = presets.getByRole('table', { name: 'Preset results' });
  const row = (name: RegExp) => table.getByRole('row', { name }).getByRole('cell');
  // Pane A's French list passes the length, line, number and French checks; the looping pane B fails all.
  const expected: [RegExp, string, string][] = [
    // 12 + 7 + 5 words in the French list (the "-" bullets are not words).
    [/^Summarization/, '✓ 24 words (limit 40)', '✗ '],
    [
      /^Instruction following/,
      '✓ 3 lines, each starting with "- "',
      '✗ 1 non-empty line, 1 not starting with "- " (asked: 3)',
    ],
    [/^Multilingual: Answer in French/, '✓ identified as French (fr)', '✗ '],
    [/^Multilingual: Answer in Russian/, '✗ identified as French (fr), asked: Russian', '✗ '],
    [/^Multilingual: Answer in Japanese/, '✗ identified as French (fr), asked: Japanese', '✗ '],
    [/^Multi-step reasoning/, '✓ found 35', '✗ no number in the reply (expected 35)'],
    [
      /^Creative writing/,
      '– no automatic check (creative writing): judge it yourself',
      '– no automatic check',
    ],
    [/^Structured output/, '✗ not JSON', '✗ not JSON'],
  ];
  for (const [name, a, b] of expected) {
    await expect(row(name).nth(0)).toContainText(a);
    await expect(row(name).nth(3)).toContainText(b);
  }
  for (const col of [1, 4]) {
    await expect(row(/^Summarization/).nth(col)).toHaveText(/^\d+ ms$|^\d+\.\d\d s$/);
    await expect(row(/^Summarization/).nth(col + 1)).toHaveText(/^\d+\.\d tok\/s$/);
  }
  const exported = await exportJson(page);
  const verdicts = Object.fromEntries(
    (exported.presets?.rows ?? []).map((r) => [r.presetId, [r.results.a?.verdict, r.results.b?.verdict]]),
  );
  expect(verdicts).toMatchObject({
    summary: ['pass', 'fail'],
    instructions: ['pass', 'fail'],
    'language-fr': ['pass', 'fail'],
    'language-hi': ['fail', 'fail'],
    reasoning: ['pass', 'fail'],
    creative: ['none', 'none'],
    json: ['fail', 'fail'],
  });
});
