import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './test';
import { expectedText } from './fixtures/models';
import { freshPage, loadGguf, openTools, readSession, sendPrompt, setSharedMaxTokens } from './helpers';

const telemetry = (page: Page) => page.getByRole('region', { name: 'Telemetry' });
const reply = (page: Page, p: 'A' | 'B') =>
  page.getByRole('region', { name: `Pane ${p}` }).getByRole('article', { name: `Pane ${p} reply` });

/** Opens a chart's data table (the <details> under the figure) and returns it. */
async function dataTable(page: Page, caption: string): Promise<Locator> {
  await telemetry(page).getByText(`${caption}: data table`).click();
  const table = telemetry(page).getByRole('table', { name: caption });
  await expect(table).toBeVisible();
  return table;
}

/** The table's body as objects keyed by column header. */
async function readTable(table: Locator): Promise<Record<string, string>[]> {
  const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.trim());
  const rows = table.locator('tbody').getByRole('row');
  const out: Record<string, string>[] = [];
  for (const row of await rows.all()) {
    const cells = await row.getByRole('cell').allTextContents();
    out.push(Object.fromEntries(headers.map((h, i) => [h, (cells[i] ?? '').trim()])));
  }
  return out;
}

/** RFC 4180 via papaparse: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): Record<string, string>[] {
  const r = Papa.parse<Record<string, string>>(text, { header: true, newline: '\r\n', skipEmptyLines: true });
  if (r.errors.length) throw new Error(r.errors[0]?.message);
  return r.data;
}

async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const pending = page.waitForEvent('download');
  await (await openTools(page, 'Export')).getByRole('button', { name: button }).click();
  const d = await pending;
  return { name: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') };
}

/** Streams one turn: 'story' (12 tokens) in pane A and 'other' (10 tokens) in pane B, together. */
async function oneTurn(page: Page): Promise<void> {
  await freshPage(page);
  await loadGguf(page, 'A', 'story');
  await loadGguf(page, 'B', 'other');
  await sendPrompt(page, 'Measure yourselves.');
  await expect(reply(page, 'A')).toHaveText(expectedText('story'));
  await expect(reply(page, 'B')).toHaveText(expectedText('other'));
}

test('the live throughput chart gains samples while both panes stream', async ({ page }) => {
  await freshPage(page);
  await loadGguf(page, 'A', 'loop');
  await loadGguf(page, 'B', 'loop');
  await setSharedMaxTokens(page, 100000);
  await sendPrompt(page, 'Keep going.');
  // Look at the charts, as a person would: charts out of view are not redrawn.
  await telemetry(page).scrollIntoViewIfNeeded();
  await expect(telemetry(page).getByRole('figure', { name: /Decode throughput \(live\)/ })).toBeVisible();
  const table = await dataTable(page, 'Live throughput, latest values');
  const samples = async (): Promise<number[]> => {
    const rows = await readTable(table);
    return rows.filter((r) => r.Source === 'streaming').map((r) => Number(r.Samples));
  };
  await expect.poll(samples).toEqual([expect.any(Number), expect.any(Number)]);
  await expect.poll(async () => Math.min(...(await samples()))).toBeGreaterThan(0);
  const first = await samples();
  await expect
    .poll(async () => {
      const now = await samples();
      return now.length === 2 && now.every((n, i) => n > (first[i] ?? Infinity));
    })
    .toBe(true);
  for (const r of await readTable(table)) expect(Number(r['Latest decode (tok/s)'])).toBeGreaterThan(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Stop all' })).toBeDisabled();
});

test('after a turn, the history table shows time to first token and decode rate per pane', async ({
  page,
}) => {
  await oneTurn(page);
  const table = await dataTable(page, 'Per-turn history');
  await expect.poll(async () => (await readTable(table)).length).toBe(2);
  const rows = await readTable(table);
  expect(rows.map((r) => [r.Turn, r.Pane, r.Tokens])).toEqual([
    ['1', 'Pane A', '12'],
    ['1', 'Pane B', '10'],
  ]);
  for (const r of rows) {
    // A number on screen, not an empty cell or a dash (Number('') would be 0).
    expect(r['Time to first token (ms)']).toMatch(/^\d+(\.\d+)?$/);
    expect(r['Decode (tok/s)']).toMatch(/^\d+(\.\d+)?$/);
    expect(Number(r['Time to first token (ms)'])).toBeGreaterThan(0);
    expect(Number(r['Decode (tok/s)'])).toBeGreaterThan(0);
  }
  expect(rows[0]?.Model).toMatch(/story\.gguf/);
  expect(rows[1]?.Model).toMatch(/other\.gguf/);
});

test('JSON and CSV exports download, parse back and count the streamed tokens', async ({ page }) => {
  await oneTurn(page);
  const saved = await readSession(page);
  const streamed = {
    a: saved.a.messages.at(-1)?.turn?.tokenTimes.length,
    b: saved.b.messages.at(-1)?.turn?.tokenTimes.length,
  };
  expect(streamed).toEqual({ a: 12, b: 10 });

  const json = await download(page, 'Export JSON');
  expect(json.name).toMatch(/^tandem-session-.+\.json$/);
  interface JsonTurn {
    turn: number;
    mode: string;
    modelId: string;
    engine: string;
    tokenTimes: number[];
    metrics: { tokens: number; ttftMs: number | null; decodeTokensPerS: number | null };
  }
  const report = JSON.parse(json.text) as {
    app: { webllmVersion: string };
    device: { webgpu: boolean } | null;
    panes: Record<'a' | 'b', { turns: JsonTurn[]; memory: { t: number }[] }>;
  };
  expect(report.app.webllmVersion).toBe('0.2.86');
  expect(report.device).not.toBeNull();
  for (const [pane, n] of [
    ['a', 12],
    ['b', 10],
  ] as const) {
    const [t, ...more] = report.panes[pane].turns;
    expect(more).toHaveLength(0);
    expect(t?.metrics.tokens).toBe(n);
    expect(t?.tokenTimes).toHaveLength(n);
    expect(t?.mode).toBe('together');
    expect(t?.engine).toMatch(/^llama\.cpp \S+ \(wllama\)$/);
    expect(t?.metrics.decodeTokensPerS).toBeGreaterThan(0);
  }
  expect(report.panes.a.turns[0]?.modelId).toMatch(/story\.gguf/);

  const csv = await download(page, 'Export CSV');
  expect(csv.name).toMatch(/^tandem-session-.+\.csv$/);
  const records = parseCsv(csv.text);
  const turns = records.filter((r) => r.section === 'turn');
  expect(turns.map((r) => [r.pane, r.turn, r.tokens, r.mode])).toEqual([
    ['a', '1', '12', 'together'],
    ['b', '1', '10', 'together'],
  ]);
  expect(Number(turns[0]?.ttft_ms)).toBe(report.panes.a.turns[0]?.metrics.ttftMs);
  const meta = records.filter((r) => r.section === 'meta');
  expect(meta.find((r) => r.key === 'webllm_version')?.value).toBe('0.2.86');
  expect(meta.find((r) => r.key === 'device.webgpu')?.value).toMatch(/^(true|false)$/);
  // Memory heartbeats keep arriving between the two exports: the CSV has every sample the JSON had.
  const csvSamples = records.filter((r) => r.section === 'memory').map((r) => `${r.pane} ${r.t_ms}`);
  const jsonSamples = (['a', 'b'] as const).flatMap((p) => report.panes[p].memory.map((m) => `${p} ${m.t}`));
  expect(csvSamples).toEqual(expect.arrayContaining(jsonSamples));
});

test('the Markdown summary lands on the clipboard; the charts save as a PNG', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await oneTurn(page);
  const exports = await openTools(page, 'Export');
  await exports.getByRole('button', { name: 'Copy Markdown summary' }).click();
  await expect(exports.getByRole('status')).toHaveText('Markdown summary copied to the clipboard.');
  const md = await page.evaluate(() => navigator.clipboard.readText());
  expect(md).toContain('# Tandem session summary');
  expect(md).toContain('web-llm 0.2.86');
  expect(md).toMatch(/\| Pane A \| [^|]*story\.gguf[^|]* \| [^|]+ \| 1 \| 12 \| \d+ ms \| [\d.]+ tok\/s \|/);
  expect(md).toMatch(/\| Pane B \| [^|]*other\.gguf[^|]* \| [^|]+ \| 1 \| 10 \| \d+ ms \| [\d.]+ tok\/s \|/);

  const pending = page.waitForEvent('download');
  await exports.getByRole('button', { name: 'Save charts as PNG' }).click();
  const png = await pending;
  expect(png.suggestedFilename()).toMatch(/^tandem-charts-.+\.png$/);
  const bytes = readFileSync(await png.path());
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // IHDR: width and height, big-endian at bytes 16 and 20; at least the throughput and history charts.
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(300);
  expect(bytes.readUInt32BE(20)).toBeGreaterThan(400);
});
