/** The report's description of the machine, the browser and the bench's settings. */
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import type { Browser } from '@playwright/test';
import { MODELS, PACED } from '../e2e/fixtures/models';
import type { LoadedInfo } from '../src/engine/types';
import { LOOP_URL, PACED_URL } from './app-driver';
import {
  MAX_TOKENS,
  PACED_MAX_TOKENS,
  PAGE_COST_MS,
  PAGE_COST_WINDOWS,
  PROMPT,
  RUNS,
  STREAM_MS,
  WARMUP_RUNS,
} from './config';
import type { EnvironmentInfo } from './harness-api';

const load = (): number[] => loadavg().map((x) => Math.round(x * 100) / 100);

export function machineReport(
  browser: Browser,
  environment: EnvironmentInfo | null,
  engine: LoadedInfo | null,
  loadAverageAtStart: number[],
): Record<string, unknown> {
  return {
    chromium: browser.version(),
    userAgent: environment?.userAgent ?? null,
    adapter: environment?.adapter ?? { error: 'not asked (no engine phase ran)' },
    cores: environment?.hardwareConcurrency ?? null,
    crossOriginIsolated: environment?.crossOriginIsolated ?? null,
    engine: engine && { runtime: engine.runtimeVersion, threads: engine.detail },
    host: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      os: `${platform()} ${release()}`,
      node: process.version,
      loadAverageAtStart,
      loadAverageAtEnd: load(),
    },
  };
}

export const loadAverageNow = load;

export function configReport(): Record<string, unknown> {
  return {
    models: {
      paced: {
        file: PACED.file,
        url: PACED_URL,
        maxTokens: PACED_MAX_TOKENS,
        about: `generated; streams "${PACED.script.join('')}" forever, with ${PACED.layers} layers and a ${PACED.feedForward}-wide FFN of zero weights: real work per token, at about a 3B model's pace on a laptop GPU`,
      },
      flatOut: {
        file: MODELS.loop.file,
        url: LOOP_URL,
        maxTokens: MAX_TOKENS,
        about: `generated; streams "${MODELS.loop.script.join('')}" forever as fast as llama.cpp goes (~1000 tok/s here)`,
      },
    },
    prompt: PROMPT,
    runsPerSide: RUNS,
    warmupRunsPerSide: WARMUP_RUNS,
    streamWindowMs: STREAM_MS,
    pageCost: { windows: PAGE_COST_WINDOWS, windowMs: PAGE_COST_MS },
    decodeRate:
      'tokens after the first ÷ seconds from first to last token (worker timestamps, src/metrics/turn.ts)',
    twoPaneRate: 'mean of the two panes’ decode rates in a run',
    overhead: 'median app rate ÷ median bare rate over the measured runs',
  };
}
