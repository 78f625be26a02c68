import { expect, test } from './test';
import { expectedText } from './fixtures/models';
import { freshPage, loadGguf, openDeviceCheck, openModels, sendPrompt } from './helpers';

test('an f16 model on a GPU without shader-f16 is stopped before any download, with the q4f32 build offered', async ({
  page,
  offsite,
}) => {
  await freshPage(page);
  const pane = page.getByRole('region', { name: 'Pane A' });
  const models = await openModels(page, 'A');
  await models
    .getByRole('combobox', { name: 'Model for pane A' })
    .selectOption('Llama-3.2-3B-Instruct-q4f16_1-MLC');
  await models.getByRole('button', { name: 'Load model in pane A' }).click();
  const error = pane.getByRole('alert', { name: 'Pane A error' });
  await expect(error).toContainText('This GPU cannot run f16 models.');
  expect(offsite).toEqual([]);
  await error.getByRole('button', { name: 'Use Llama-3.2-3B-Instruct-q4f32_1-MLC in pane A' }).click();
  // The q4f32 build passes the check and goes to the network (answered offline here).
  await expect(error).toContainText('A download failed.', { timeout: 30_000 });
  expect(offsite.some((u) => u.includes('Llama-3.2-3B-Instruct-q4f32_1-MLC'))).toBe(true);
  await expect((await openModels(page, 'A')).getByRole('combobox', { name: 'Model for pane A' })).toHaveValue(
    'Llama-3.2-3B-Instruct-q4f32_1-MLC',
  );
});

test('without WebGPU the page says so, web-llm models are refused, and the llama.cpp engine still answers', async ({
  page,
  offsite,
}) => {
  await page.addInitScript(() => {
    delete (Navigator.prototype as { gpu?: unknown }).gpu;
  });
  await freshPage(page);
  await expect(page.getByRole('status', { name: 'Device verdict' })).toContainText(
    'no WebGPU: GGUF models run on the CPU (llama.cpp)',
  );
  const check = await openDeviceCheck(page);
  await expect(check).toContainText('This browser has no WebGPU');
  await expect(check).toContainText('The llama.cpp engine runs GGUF models on the CPU');
  await expect(check.getByRole('status', { name: 'Pair verdict' })).toContainText('Unlikely to work');
  await page.getByRole('button', { name: 'Close Device check' }).click();
  await page.getByRole('button', { name: 'Load model in pane B' }).click();
  await expect(page.getByRole('alert', { name: 'Pane B error' })).toContainText(
    'This browser has no WebGPU.',
  );
  await loadGguf(page, 'A', 'story');
  await sendPrompt(page, 'CPU only.');
  await expect(page.getByRole('article', { name: 'Pane A reply' })).toHaveText(expectedText('story'));
  expect(offsite).toEqual([]);
});

test('an adapter with small buffer limits is reported, and a model that needs more is refused up front', async ({
  page,
  offsite,
}) => {
  await page.addInitScript(() => {
    const real = Object.getOwnPropertyDescriptor(GPUAdapter.prototype, 'limits');
    Object.defineProperty(GPUAdapter.prototype, 'limits', {
      get(this: GPUAdapter) {
        const l = real?.get?.call(this) as GPUSupportedLimits;
        return new Proxy(l, {
          get: (t, k) =>
            k === 'maxStorageBufferBindingSize' ? 128 * 1024 * 1024 : (Reflect.get(t, k) as unknown),
        });
      },
    });
  });
  await freshPage(page);
  await expect(await openDeviceCheck(page)).toContainText('Max storage buffer binding128.0 MB');
  await page.getByRole('button', { name: 'Close Device check' }).click();
  const pane = page.getByRole('region', { name: 'Pane A' });
  const models = await openModels(page, 'A');
  await models.getByRole('combobox', { name: 'Model for pane A' }).selectOption('gemma-2b-it-q4f32_1-MLC');
  await models.getByRole('button', { name: 'Load model in pane A' }).click();
  await expect(pane.getByRole('alert', { name: 'Pane A error' })).toContainText(
    'This GPU allows smaller buffers than the model needs.',
  );
  expect(offsite).toEqual([]);
});
