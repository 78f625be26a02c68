/**
 * `npm run bench`: what the UI costs the engines, and whether the page stays smooth while they stream.
 *
 * 1. Overhead: the looping model, a fixed max_tokens, the same prompt and sampling, run through the whole
 *    app and through the bare engine worker (bench/harness.html), interleaved app, bare, app, bare …;
 *    decode rates from the worker's token timestamps; one pane, then two panes streaming together.
 * 2. Long tasks and frame rate in the app page while both panes stream as fast as they go.
 * 3. The bundle the entry HTML loads up front.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { test, type BrowserContext, type Page } from '@playwright/test';
import { MODELS, PACED } from '../e2e/fixtures/models';
import type { ChatMessage, LoadedInfo, ModelSpec, Sampling } from '../src/engine/types';
import { effectiveSettings } from '../src/store/types';
import {
  collectLastTurns,
  loadModelByUrl,
  LOOP_URL,
  PACED_URL,
  openFreshApp,
  readSaved,
  setSharedMaxTokens,
  startStreaming,
  stopAll,
} from './app-driver';
import { bundleReport } from './bundle';
import { addCpuBetween, cpuPer, cpuSnapshot, noCpu } from './cpu-threads';
import {
  MAX_TOKENS,
  OUT_DIR,
  PACED_MAX_TOKENS,
  PROMPT,
  REPORT_PATH,
  RUNS,
  STREAM_MS,
  WARMUP_RUNS,
} from './config';
import { loadHarness, openHarness, shutdownHarness } from './harness-driver';
import { MainThreadMeter } from './main-thread';
import { runPhase, type BareInput } from './phase';
import { installProbe, type WindowSample } from './probes';
import { evaluateTargets, type BenchReport, type OverheadFigures, type PhaseReport } from './report';
import { ratio } from './stats';
import { streamFigures } from './stream';

/** Far more than the stream window can use: the looping model streams until Stop all. */
const ENDLESS = 100_000;
const IDLE_MS = 2000;

const log = (s: string): void => console.log(`  ${s}`);

function watchOffsite(ctx: BrowserContext, seen: string[]): void {
  ctx.on('request', (r) => {
    const u = new URL(r.url());
    const local = u.hostname === '127.0.0.1' || u.hostname === 'localhost';
    if (u.protocol.startsWith('http') && !local) seen.push(r.url());
  });
}

async function measureWindow(page: Page, ms: number): Promise<WindowSample & { timeOrigin: number }> {
  return page.evaluate(async (d) => {
    const probe = window.tandemProbe;
    if (!probe) throw new Error('the frame probe was not injected');
    return { ...(await probe.measure(d)), timeOrigin: performance.timeOrigin };
  }, ms);
}

/** The bare side sends what the app sent: its saved model spec, pane A's saved settings, the prompt. */
async function bareInputFrom(app: Page, maxTokens: number): Promise<{ input: BareInput; spec: ModelSpec }> {
  const saved = await readSaved(app);
  const spec = saved?.panes.a.model;
  if (!saved || !spec) throw new Error('the app saved no model for pane A');
  if (saved.settings.mode !== 'together') throw new Error(`the app runs "${saved.settings.mode}"`);
  const s = effectiveSettings(saved.settings, 'a');
  if (s.max_tokens !== maxTokens) throw new Error(`the app runs with max_tokens ${s.max_tokens}`);
  const sampling: Sampling = { temperature: s.temperature, top_p: s.top_p, max_tokens: s.max_tokens };
  if (s.seed !== null) sampling.seed = s.seed;
  const messages: ChatMessage[] = [
    ...(s.systemPrompt.trim() ? [{ role: 'system' as const, content: s.systemPrompt }] : []),
    { role: 'user', content: PROMPT },
  ];
  return { input: { messages, sampling }, spec };
}

function overheadFigures({
  onePane,
  twoPanes,
}: {
  onePane: PhaseReport;
  twoPanes: PhaseReport;
}): OverheadFigures {
  return {
    onePane: ratio(onePane.app.median, onePane.bare.median),
    twoPanes: ratio(twoPanes.app.median, twoPanes.bare.median),
    pairedMedianOnePane: onePane.pairedRatios.median,
    pairedMedianTwoPanes: twoPanes.pairedRatios.median,
  };
}

test('bench: overhead, long tasks, frame rate, bundle', async ({ browser }) => {
  const started = Date.now();
  const loadAtStart = loadavg();
  const offsite: string[] = [];
  const appContext = await browser.newContext();
  await appContext.addInitScript(installProbe);
  const bareContext = await browser.newContext();
  watchOffsite(appContext, offsite);
  watchOffsite(bareContext, offsite);
  const bare = await bareContext.newPage();
  const environment = await openHarness(bare);
  const bareEngine: { info: LoadedInfo | null } = { info: null };

  /** One pane, then two panes streaming together, on one model: each phase interleaves app and bare runs. */
  const overheadPhases = async (
    app: Page,
    model: { url: string; file: string; maxTokens: number },
  ): Promise<{ onePane: PhaseReport; twoPanes: PhaseReport }> => {
    const meter = await MainThreadMeter.attach(app);
    const prepareBare = (count: number) => async (): Promise<BareInput> => {
      const { input, spec } = await bareInputFrom(app, model.maxTokens);
      bareEngine.info = (await loadHarness(bare, count, spec))[0] ?? null;
      return input;
    };
    const phase = { app, bare, meter, maxTokens: model.maxTokens, log };
    log(
      `one pane: ${model.file}, ${model.maxTokens} tokens a run, ${WARMUP_RUNS} warm-up + ${RUNS} measured pairs`,
    );
    await openFreshApp(app);
    await loadModelByUrl(app, 'A', model.url);
    await setSharedMaxTokens(app, model.maxTokens);
    const onePane = await runPhase({ ...phase, panes: ['A'], prepareBare: prepareBare(1) });
    log('two panes: loading pane B; both panes (app) and two workers (bare) stream together');
    await loadModelByUrl(app, 'B', model.url);
    const twoPanes = await runPhase({ ...phase, panes: ['A', 'B'], prepareBare: prepareBare(2) });
    await meter.detach();
    return { onePane, twoPanes };
  };

  // 1. The paced model, in a page of its own that is closed afterwards.
  const pacedContext = await browser.newContext();
  watchOffsite(pacedContext, offsite);
  const paced = await overheadPhases(await pacedContext.newPage(), {
    url: PACED_URL,
    file: PACED.file,
    maxTokens: PACED_MAX_TOKENS,
  });
  await pacedContext.close();
  await shutdownHarness(bare);

  // 2. The tiny model flat out; its page then serves the frame-rate window.
  const app = await appContext.newPage();
  const flatOut = await overheadPhases(app, { url: LOOP_URL, file: MODELS.loop.file, maxTokens: MAX_TOKENS });
  const meter = await MainThreadMeter.attach(app);

  // Nothing else runs while the app page is watched.
  await shutdownHarness(bare);
  await bareContext.close();
  await app.bringToFront();
  const idle = await measureWindow(app, IDLE_MS);
  await setSharedMaxTokens(app, ENDLESS);
  await startStreaming(app, PROMPT, ['A', 'B']);
  // The demo case: both panes streaming while someone watches the live charts (charts out of view cost nothing).
  await app.getByRole('region', { name: 'Telemetry' }).scrollIntoViewIfNeeded();
  log(
    `stream: both panes streaming, charts in view; counting frames and long tasks for ${STREAM_MS / 1000} s`,
  );
  const before = await meter.read();
  const cpuBefore = cpuSnapshot();
  const win = await measureWindow(app, STREAM_MS);
  const cpuAfter = cpuSnapshot();
  const mainThread = MainThreadMeter.between(before, await meter.read());
  const streamCpu = noCpu();
  const streamCpuS = addCpuBetween(cpuBefore, cpuAfter, streamCpu);
  await stopAll(app);
  const streamed = await collectLastTurns(app, ['A', 'B']);
  const longTasksSupported = await app.evaluate(() => window.tandemProbe?.longTasksSupported ?? false);
  const sameAsProduction = process.env.TANDEM_BENCH_SAME_AS_PRODUCTION;

  const partial: Omit<BenchReport, 'targets'> = {
    schema: 2,
    generatedAt: new Date().toISOString(),
    durationS: Math.round((Date.now() - started) / 1000),
    machine: {
      chromium: browser.version(),
      userAgent: environment.userAgent,
      adapter: environment.adapter,
      cores: environment.hardwareConcurrency,
      crossOriginIsolated: environment.crossOriginIsolated,
      engine: bareEngine.info && { runtime: bareEngine.info.runtimeVersion, threads: bareEngine.info.detail },
      host: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? null,
        memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
        os: `${platform()} ${release()}`,
        node: process.version,
        loadAverageAtStart: loadAtStart.map((x) => Math.round(x * 100) / 100),
        loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100),
      },
    },
    config: {
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
      decodeRate:
        'tokens after the first ÷ seconds from first to last token (worker timestamps, src/metrics/turn.ts)',
      twoPaneRate: 'mean of the two panes’ decode rates in a run',
      overhead: 'median app rate ÷ median bare rate over the measured runs',
    },
    overhead: { ...overheadFigures(paced), flatOut: overheadFigures(flatOut) },
    decode: { ...paced, flatOut },
    ...streamFigures(win, idle, streamed, mainThread, longTasksSupported, cpuPer(streamCpu, streamCpuS)),
    bundle: {
      ...bundleReport(OUT_DIR),
      sameAsProductionBuild: sameAsProduction === undefined ? null : sameAsProduction === '1',
    },
    offsiteRequests: offsite,
  };
  const report: BenchReport = { ...partial, targets: evaluateTargets(partial) };
  writeFileSync(REPORT_PATH, JSON.stringify(report, null, 2) + '\n');
  log(`wrote ${REPORT_PATH}`);
  await meter.detach();
  await appContext.close();
});
