import { expect, test } from './test';
import { freshPage, loadGguf, openTools } from './helpers';

test('the GPU memory meter equals the buffers created through the instrumented device', async ({ page }) => {
  await freshPage(page);
  await (
    await openTools(page, 'Diagnostics')
  )
    .getByRole('button', { name: 'Verify the GPU memory meter' })
    .click();
  const result = page.getByRole('status', { name: 'Meter check result' });
  // 64 + 32 + 16 MiB created, the 32 MiB buffer destroyed: 80 MiB must be live, by the meter too.
  await expect(result).toContainText(
    'Created 64.0 MB + 32.0 MB + 16.0 MB, destroyed 32.0 MB: expected live 80.0 MB',
  );
  await expect(result).toContainText('the meter reads 80.0 MB — they agree');
});

test("llama.cpp's worker memory (its WebAssembly heap included) is measured and shown for its pane", async ({
  page,
}) => {
  await freshPage(page);
  await loadGguf(page, 'A', 'story');
  const line = page.getByRole('region', { name: 'Pane A' }).getByLabel('Pane A memory');
  // The first browser measurement lands within a poll interval (10 s) plus the measurement itself.
  await expect(line.getByTestId('wasm-bytes')).toBeVisible({ timeout: 60_000 });
  const text = (await line.getByTestId('wasm-bytes').textContent()) ?? '';
  const mb = Number(/([\d.]+) MB/.exec(text)?.[1]);
  // llama.cpp starts with a 128 MiB WebAssembly memory: the measurement cannot be below that.
  expect(mb).toBeGreaterThanOrEqual(128);
  // llama.cpp runs on the CPU: no GPU figure for this pane.
  await expect(line).not.toContainText('GPU memory');
  await expect(line).toContainText('(incl. WebAssembly heap; measureUserAgentSpecificMemory)');
});
