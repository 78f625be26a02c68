import { expect, test } from './test';
import { freshPage, loadGguf, openDeviceCheck, readSession, sendPrompt } from './helpers';

/** Computed here from the saved timestamps with plain arithmetic, not with the app's metric code. */
const middle = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.floor(s.length / 2);
  return s.length % 2 ? (s[i] ?? NaN) : ((s[i - 1] ?? NaN) + (s[i] ?? NaN)) / 2;
};
const ms = (x: number): string => (x < 1000 ? `${Math.round(x)} ms` : `${(x / 1000).toFixed(2)} s`);

test('the comparison table shows medians that match the turns, and the roofline once bandwidth is measured', async ({
  page,
}) => {
  await freshPage(page);
  await loadGguf(page, 'A', 'story');
  await loadGguf(page, 'B', 'other');
  for (const [i, prompt] of ['One.', 'Two.', 'Three.'].entries()) {
    await sendPrompt(page, prompt);
    for (const p of ['A', 'B'])
      await expect(page.getByRole('article', { name: `Pane ${p} reply` })).toHaveCount(i + 1);
  }
  // Both panes' turns are saved once both have finished.
  const turns = async () => {
    const s = await readSession(page);
    return [s.a, s.b].map((p) => p.messages.filter((m) => m.turn).length);
  };
  await expect.poll(turns).toEqual([3, 3]);
  const session = await readSession(page);
  const table = page.getByRole('region', { name: 'Comparison' }).getByRole('table');
  const row = (label: string) => table.getByRole('row', { name: new RegExp(`^${label}`) });
  // The medians on screen are the medians of the saved turns, computed independently here.
  for (const [pane, col] of [
    ['a', 1],
    ['b', 2],
  ] as const) {
    const turns = session[pane].messages.flatMap((m) => (m.turn ? [m.turn] : []));
    expect(turns).toHaveLength(3);
    const ttft = middle(turns.map((t) => (t.tokenTimes[0] ?? NaN) - t.startedAt));
    const decode = middle(
      turns.map(
        (t) => (t.tokenTimes.length - 1) / (((t.tokenTimes.at(-1) ?? NaN) - (t.tokenTimes[0] ?? NaN)) / 1000),
      ),
    );
    expect(Number.isFinite(ttft) && Number.isFinite(decode)).toBe(true);
    await expect(
      row('Time to first token')
        .getByRole('cell')
        .nth(col - 1),
    ).toHaveText(ms(ttft));
    await expect(
      row('Decode rate')
        .getByRole('cell')
        .nth(col - 1),
    ).toHaveText(`${decode.toFixed(1)} tok/s`);
  }
  await expect(row('Download size').getByRole('cell').first()).toHaveText(/^\d+\.\d MB$/);
  await expect(row('MMLU').getByRole('cell').first()).toHaveText('—');
  await expect(row('Roofline').getByRole('cell').first()).toHaveText('measure bandwidth below');
  await page.getByRole('button', { name: 'Measure memory bandwidth (about 3 s)' }).click();
  await expect(
    page.getByText(/^CPU: [\d.]+ (MB|GB)\/s \(\d+ CPU copies of 64 MiB \(read \+ write\)\)$/),
  ).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByText(/^GPU: [\d.]+ (MB|GB)\/s \(\d+ GPU buffer copies/)).toBeVisible();
  // llama.cpp panes use the CPU bandwidth: ceiling = bandwidth ÷ model bytes.
  await expect(row('Roofline').getByRole('cell').first()).toHaveText(
    /^ceiling [\d.]+ tok\/s, achieved [\d.]+ tok\/s \(\d+%\)$/,
  );
});

test('an adapter request that returns null is reported as no usable GPU, and GGUF models still run', async ({
  page,
}) => {
  await page.addInitScript(() => {
    GPU.prototype.requestAdapter = () => Promise.resolve(null);
  });
  await freshPage(page);
  const check = await openDeviceCheck(page);
  await expect(check).toContainText('WebGPU is present but no GPU adapter is available');
  await page.getByRole('button', { name: 'Close Device check' }).click();
  await page.getByRole('button', { name: 'Load model in pane B' }).click();
  await expect(page.getByRole('alert', { name: 'Pane B error' })).toContainText('No usable GPU was found.');
  await loadGguf(page, 'A', 'story');
});
