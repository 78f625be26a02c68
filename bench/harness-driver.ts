/** Drives the no-UI harness page (bench/harness.html): the engine workers with nothing attached. */
import { expect, type Page } from '@playwright/test';
import type { ChatMessage, LoadedInfo, ModelSpec, Sampling } from '../src/engine/types';
import type { EnvironmentInfo, HarnessApi, HarnessTurn } from './harness-api';

type Method = 'environment' | 'load' | 'run' | 'interrupt';

/** Calls one method of `window.tandemBench` in the harness page, with arguments Playwright can serialize. */
async function callHarness<M extends Method>(
  page: Page,
  method: M,
  ...args: Parameters<HarnessApi[M]>
): Promise<Awaited<ReturnType<HarnessApi[M]>>> {
  const result: unknown = await page.evaluate(
    ([m, a]) => {
      const api = window.tandemBench;
      if (!api) throw new Error('the bench harness is not ready');
      return (api[m] as (...x: unknown[]) => unknown)(...a);
    },
    [method, args] as const,
  );
  return result as Awaited<ReturnType<HarnessApi[M]>>;
}

export async function openHarness(page: Page): Promise<EnvironmentInfo> {
  await page.goto('/bench/harness.html');
  await expect.poll(() => page.evaluate(() => window.tandemBench !== undefined)).toBe(true);
  return callHarness(page, 'environment');
}

export const loadHarness = (page: Page, count: number, spec: ModelSpec): Promise<LoadedInfo[]> =>
  callHarness(page, 'load', count, spec);

export const runHarness = (page: Page, messages: ChatMessage[], sampling: Sampling): Promise<HarnessTurn[]> =>
  callHarness(page, 'run', messages, sampling);

export const interruptHarness = (page: Page): Promise<void> => callHarness(page, 'interrupt');

export async function shutdownHarness(page: Page): Promise<void> {
  await page.evaluate(() => window.tandemBench?.shutdown());
}
