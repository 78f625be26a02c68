/** Drives the no-UI harness page (bench/harness.html): the engine workers with nothing attached. */
import { expect, type Page } from '@playwright/test';
import type { ChatMessage, LoadedInfo, ModelSpec, Sampling } from '../src/engine/types';
import type { EnvironmentInfo, HarnessTurn } from './harness-api';

export async function openHarness(page: Page): Promise<EnvironmentInfo> {
  await page.goto('/bench/harness.html');
  await expect.poll(() => page.evaluate(() => window.tandemBench !== undefined)).toBe(true);
  return page.evaluate(() => {
    const a = window.tandemBench;
    if (!a) throw new Error('the bench harness is not ready');
    return a.environment();
  });
}

export async function loadHarness(page: Page, count: number, spec: ModelSpec): Promise<LoadedInfo[]> {
  return page.evaluate(
    ([n, s]) => {
      const a = window.tandemBench;
      if (!a) throw new Error('the bench harness is not ready');
      return a.load(n, s);
    },
    [count, spec] as const,
  );
}

export async function runHarness(
  page: Page,
  messages: ChatMessage[],
  sampling: Sampling,
): Promise<HarnessTurn[]> {
  return page.evaluate(
    ([m, s]) => {
      const a = window.tandemBench;
      if (!a) throw new Error('the bench harness is not ready');
      return a.run(m, s);
    },
    [messages, sampling] as const,
  );
}

export async function shutdownHarness(page: Page): Promise<void> {
  await page.evaluate(() => window.tandemBench?.shutdown());
}
