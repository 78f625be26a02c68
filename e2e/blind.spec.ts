/**
 * Blind comparison, as a visitor meets it: a link that starts blind, two real llama.cpp models, votes by
 * button and by key, sides re-drawn between turns — and no model name, file, id or pane letter anywhere
 * in the page's text, attributes or accessibility tree until Reveal. Then the tally must be exact, survive
 * a reload, and be in the JSON, CSV and Markdown exports.
 */
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { expectedText } from './fixtures/models';
import { fixtureUrl, freshPage, openTools, readSavedRecord, sendPrompt } from './helpers';

const MODELS = ['story', 'other'] as const;
type Pair = (typeof MODELS)[number];
/** Everything that could name either model: files, URLs, ids, the name inside the GGUF, where they live. */
const IDENTIFYING = MODELS.flatMap((m) => [
  `${m}.gguf`,
  fixtureUrl(m),
  `gguf:${fixtureUrl(m)}`,
  `tandem-${m}`,
  `__fixtures__/${m}`,
]);

/** Every text a person or a screen reader can meet on the page (and a few they cannot). */
async function everything(page: Page): Promise<string> {
  const dom = await page.evaluate(() => {
    const out = [document.title, document.body.innerText, document.body.textContent ?? ''];
    const attrs = [
      'aria-label',
      'aria-description',
      'aria-valuetext',
      'title',
      'alt',
      'placeholder',
      'value',
    ];
    for (const el of document.querySelectorAll('*')) {
      for (const a of attrs) out.push(el.getAttribute(a) ?? '');
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) out.push(el.value);
      if (el instanceof HTMLOptionElement) out.push(el.text);
    }
    return out.join('\n');
  });
  return `${dom}\n${await page.locator('body').ariaSnapshot()}`;
}

async function expectNothingNamed(page: Page): Promise<void> {
  const text = await everything(page);
  for (const name of IDENTIFYING) expect(text, `"${name}" shows while blind`).not.toContain(name);
  // Nor which pane is which: a link names its models per pane letter.
  expect(text).not.toMatch(/\bpane [AB]\b/i);
}

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const replies = (page: Page, side: 1 | 2) =>
  region(page, `Model ${side}`).getByRole('article', { name: `Model ${side} reply`, exact: true });
const blindPanel = (page: Page) => region(page, 'Blind comparison');

/** Which model is Model 1 now, told by what it says (the scripted replies differ), not by any name. */
async function modelOne(page: Page): Promise<Pair> {
  const text = await replies(page, 1).last().textContent();
  const found = MODELS.find((m) => text === expectedText(m));
  if (!found) throw new Error(`Model 1 said ${text ?? '(nothing)'}`);
  return found;
}

async function turn(page: Page, n: number): Promise<void> {
  await sendPrompt(page, `Question ${n}?`);
  for (const side of [1, 2] as const) await expect(replies(page, side)).toHaveCount(n, { timeout: 60_000 });
  await expect(blindPanel(page).getByRole('button', { name: 'Tie', exact: true })).toBeEnabled();
}

/** The Wilson score interval, written out here independently of the app's module. */
function wilsonText(wins: number, n: number): string {
  const z = 1.959963984540054;
  const p = wins / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z / d) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const pct = (x: number) => (x * 100).toFixed(1);
  return `${pct(p)}% (95% CI ${pct(Math.max(0, c - h))}–${pct(Math.min(1, c + h))}%)`;
}

type Tally = Record<Pair, { wins: number; losses: number; ties: number; bothBad: number }>;

test('a blind link names no model until Reveal; the tally is exact, survives a reload and is exported', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await freshPage(page);
  const q = new URLSearchParams({ a: fixtureUrl('story'), b: fixtureUrl('other'), blind: '1' });
  await page.goto(`/?${q.toString()}`);
  const offer = region(page, 'Shared link');
  await expect(offer).toContainText('It starts a blind comparison of 2 models from 127.0.0.1');
  await expectNothingNamed(page);
  await offer.getByRole('button', { name: 'Load the linked models' }).click();
  for (const side of [1, 2] as const)
    await expect(region(page, `Model ${side}`).getByText('Ready', { exact: true })).toBeVisible({
      timeout: 60_000,
    });
  await expect(region(page, 'Model 1').getByText('Reveal to change models')).toBeVisible();
  await expectNothingNamed(page);

  // Five turns, voted by button and by key, with the sides re-drawn between some of them.
  const tally: Tally = {
    story: { wins: 0, losses: 0, ties: 0, bothBad: 0 },
    other: { wins: 0, losses: 0, ties: 0, bothBad: 0 },
  };
  const record = async (choice: 1 | 2 | 3 | 4) => {
    const one = await modelOne(page);
    const two = one === 'story' ? 'other' : 'story';
    if (choice === 1 || choice === 2) {
      tally[choice === 1 ? one : two].wins++;
      tally[choice === 1 ? two : one].losses++;
    } else for (const m of MODELS) tally[m][choice === 3 ? 'ties' : 'bothBad']++;
  };
  const vote = blindPanel(page).getByRole('group', { name: 'Vote on this turn' });
  const status = vote.getByRole('status');

  await turn(page, 1);
  await expectNothingNamed(page);
  await vote.getByRole('button', { name: 'Model 1 better' }).click();
  await record(1);
  await expect(status).toHaveText(/Your vote on this turn: Model 1 better/);

  await blindPanel(page).getByRole('button', { name: 'Re-draw sides' }).click();
  await expect(blindPanel(page).getByText('Sides drawn again.')).toBeVisible();
  await turn(page, 2);
  // A key typed into the prompt box is text, not a vote.
  await page.getByLabel('Prompt (sent to both panes)').press('3');
  await expect(page.getByLabel('Prompt (sent to both panes)')).toHaveValue('3');
  await expect(status).toHaveText(/Which reply is better/);
  await page.getByLabel('Prompt (sent to both panes)').fill('');
  await page.getByRole('heading', { name: 'Blind comparison' }).click();
  await page.keyboard.press('2');
  await record(2);
  await expect(status).toHaveText(/Your vote on this turn: Model 2 better/);

  await turn(page, 3);
  // A second vote on the same turn replaces the first.
  await vote.getByRole('button', { name: 'Both bad' }).click();
  await vote.getByRole('button', { name: 'Tie', exact: true }).click();
  await record(3);
  await expect(vote.getByRole('button', { name: 'Tie', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await blindPanel(page).getByRole('button', { name: 'Re-draw sides' }).click();
  await turn(page, 4);
  await page.getByRole('heading', { name: 'Blind comparison' }).click();
  await page.keyboard.press('4');
  await record(4);

  await blindPanel(page).getByRole('button', { name: 'Re-draw sides' }).click();
  await turn(page, 5);
  await vote.getByRole('button', { name: 'Model 2 better' }).click();
  await record(2);
  await expect(blindPanel(page)).toContainText('5 votes so far');

  // Speed figures show unless asked; "hide speed figures too" takes them off the page.
  await expect(page.getByLabel('Reply measurements').first()).toBeVisible();
  await blindPanel(page).getByLabel('Hide speed figures too').check();
  await expect(page.getByLabel('Reply measurements')).toHaveCount(0);
  await expectNothingNamed(page);
  await blindPanel(page).getByLabel('Hide speed figures too').uncheck();

  // A reload keeps blind mode, the sides and the votes.
  const before = await modelOne(page);
  await expect.poll(async () => ((await readSavedRecord(page)) as { votes: unknown[] }).votes.length).toBe(5);
  await page.reload();
  await expect(blindPanel(page)).toContainText('5 votes so far');
  await expect(replies(page, 1).last()).toHaveText(expectedText(before), { timeout: 30_000 });
  await expectNothingNamed(page);

  // Reveal: the names, and the tally, exact.
  await blindPanel(page).getByRole('button', { name: 'Reveal the models and the tally' }).click();
  const table = blindPanel(page).getByRole('table', { name: 'Blind round 1 tally' });
  await expect(table).toBeVisible();
  const check = async () => {
    for (const m of MODELS) {
      const t = tally[m];
      const row = table.getByRole('row').filter({ hasText: `${m}.gguf` });
      await expect(row.getByRole('cell')).toHaveText([
        String(t.wins),
        String(t.losses),
        String(t.ties),
        String(t.bothBad),
        wilsonText(t.wins, 5),
      ]);
    }
  };
  await check();
  // The check above could fail: the names are on the page now.
  const revealed = await everything(page);
  for (const m of MODELS) expect(revealed).toContain(`${m}.gguf`);
  await expect(region(page, 'Pane A')).toBeVisible();

  await page.reload();
  await expect(table).toBeVisible();
  await check();

  // The exports hold every vote with its turn, and the tally.
  const exportGroup = (await openTools(page, 'Export')).getByRole('group', { name: 'Export measurements' });
  const save = async (button: string) => {
    const pending = page.waitForEvent('download');
    await exportGroup.getByRole('button', { name: button }).click();
    return readFileSync(await (await pending).path(), 'utf8');
  };
  const json = JSON.parse(await save('Export JSON')) as {
    blind: {
      rounds: {
        round: number;
        tally: { modelId: string; wins: number; losses: number; ties: number; bothBad: number }[];
      }[];
      votes: { choice: string; prompt: string; turns: { a: number | null; b: number | null } }[];
    };
  };
  expect(json.blind.votes.map((v) => [v.prompt, v.turns.a, v.turns.b])).toEqual(
    [1, 2, 3, 4, 5].map((n) => [`Question ${n}?`, n, n]),
  );
  expect(json.blind.votes.map((v) => v.choice)).toEqual(['model1', 'model2', 'tie', 'both-bad', 'model2']);
  for (const m of MODELS) {
    const row = json.blind.rounds[0]?.tally.find((t) => t.modelId === `gguf:${fixtureUrl(m)}`);
    expect(row).toMatchObject(tally[m]);
  }
  const csv = Papa.parse<Record<string, string>>(await save('Export CSV'), {
    header: true,
    newline: '\r\n',
    skipEmptyLines: true,
  }).data;
  expect(csv.filter((r) => r.section === 'blind_vote').map((r) => [r.turn_a, r.turn_b, r.choice])).toEqual(
    json.blind.votes.map((v) => [String(v.turns.a), String(v.turns.b), v.choice]),
  );
  for (const m of MODELS) {
    const row = csv.find((r) => r.section === 'blind_tally' && r.model_id === `gguf:${fixtureUrl(m)}`);
    expect([row?.wins, row?.losses, row?.ties, row?.both_bad]).toEqual(
      [tally[m].wins, tally[m].losses, tally[m].ties, tally[m].bothBad].map(String),
    );
  }
  await exportGroup.getByRole('button', { name: 'Copy Markdown summary' }).click();
  await expect(exportGroup.getByRole('status')).toHaveText('Markdown summary copied to the clipboard.');
  const md = await page.evaluate(() => navigator.clipboard.readText());
  expect(md).toContain('## Blind comparison (votes)');
  expect(md).toContain('### Round 1: 5 votes');
  for (const m of MODELS) {
    const t = tally[m];
    expect(md).toMatch(
      new RegExp(
        `\\| ${m}\\.gguf from [^|]+ \\| 5 \\| ${t.wins} \\| ${t.losses} \\| ${t.ties} \\| ${t.bothBad} \\|`,
      ),
    );
  }
});
