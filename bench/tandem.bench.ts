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
import { MODELS } from '../e2e/fixtures/models';
import type { ChatMessage, LoadedInfo, ModelSpec, Sampling } from '../src/engine/types';
import { effectiveSettings } from '../src/store/types';
import {
  collectLastTurns,
  loadLoopModel,
  LOOP_URL,
  openFreshApp,
  readSaved,
  setSharedMaxTokens,
  startStreaming,
  stopAll,
} from './app-driver';
import { bundleReport } from './bundle';
import { MAX_TOKENS, OUT_DIR, PROMPT, REPORT_PATH, RUNS, STREAM_MS, WARMUP_RUNS } from './config';
import { loadHarness, openHarness, shutdownHarness } from './harness-driver';
import { MainThreadMeter } from './main-thread';
import { runPhase, type BareInput } from './phase';
import { installProbe, type WindowSample } from './probes';
import { evaluateTargets, type BenchReport } from './report';
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
async function bareInputFrom(app: Page): Promise<{ input: BareInput; spec: ModelSpec }> {
  const saved = await readSaved(app);
  const spec = saved?.panes.a.model;
  if (!saved || !spec) throw new Error('the app saved no model for pane A');
  if (saved.settings.mode !== 'together') throw new Error(`the app runs "${saved.settings.mode}"`);
  const s = effectiveSettings(saved.settings, 'a');
  if (s.max_tokens !== MAX_TOKENS) throw new Error(`the app runs with max_tokens ${s.max_tokens}`);
  const sampling: Sampling = { temperature: s.temperature, top_p: s.top_p, max_tokens: s.max_tokens };
  if (s.seed !== null) sampling.seed = s.seed;
  const messages: ChatMessage[] = [
    ...(s.systemPrompt.trim() ? [{ role: 'system' as const, content: s.systemPrompt }] : []),
    { role: 'user', content: PROMPT },
  ];
  return { input: { messages, sampling }, spec };
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
  const app = await appContext.newPage();
  const bare = await bareContext.newPage();
  const environment = await openHarness(bare);
  const meter = await MainThreadMeter.attach(app);
  const bareEngine: { info: LoadedInfo | null } = { info: null };
  const prepareBare = (count: number) => async (): Promise<BareInput> => {
    const { input, spec } = await bareInputFrom(app);
    bareEngine.info = (await loadHarness(bare, count, spec))[0] ?? null;
    return input;
  };

  log(
    `one pane: ${MODELS.loop.file}, ${MAX_TOKENS} tokens a run, ${WARMUP_RUNS} warm-up + ${RUNS} measured pairs`,
  );
  await openFreshApp(app);
  await loadLoopModel(app, 'A');
  await setSharedMaxTokens(app, MAX_TOKENS);
  const onePane = await runPhase({ app, bare, meter, panes: ['A'], prepareBare: prepareBare(1), log });

  log('two panes: loading pane B; both panes (app) and two workers (bare) stream together');
  await loadLoopModel(app, 'B');
  const twoPanes = await runPhase({ app, bare, meter, panes: ['A', 'B'], prepareBare: prepareBare(2), log });

  // Nothing else runs while the app page is watched.
  await shutdownHarness(bare);
  await bareContext.close();
  await app.bringToFront();
  const idle = await measureWindow(app, IDLE_MS);
  await setSharedMaxTokens(app, ENDLESS);
  await startStreaming(app, PROMPT, ['A', 'B']);
  // The demo case: both panes streaming while someone watches the live charts (charts out of view cost nothing).
  await app.getByRole('region', { name: 'Telemetry' }).scrollIntoViewIfNeeded();
  log(`stream: both panes streaming, charts in view; counting frames and long tasks for ${STREAM_MS / 1000} s`);
  const before = await meter.read();
  const win = await measureWindow(app, STREAM_MS);
  const mainThread = MainThreadMeter.between(before, await meter.read());
  await stopAll(app);
  const streamed = await collectLastTurns(app, ['A', 'B']);
  const longTasksSupported = await app.evaluate(() => window.tandemProbe?.longTasksSupported ?? false);
  const sameAsProduction = process.env.TANDEM_BENCH_SAME_AS_PRODUCTION;

  const partial: Omit<BenchReport, 'targets'> = {
    schema: 1,
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
      model: `${MODELS.loop.file} (generated; streams "${MODELS.loop.script.join('')}" forever)`,
      modelUrl: LOOP_URL,
      prompt: PROMPT,
      maxTokens: MAX_TOKENS,
      runsPerSide: RUNS,
      warmupRunsPerSide: WARMUP_RUNS,
      streamWindowMs: STREAM_MS,
      decodeRate:
        'tokens after the first ÷ seconds from first to last token (worker timestamps, src/metrics/turn.ts)',
      twoPaneRate: 'mean of the two panes’ decode rates in a run',
      overhead: 'median app rate ÷ median bare rate over the measured runs',
    },
    overhead: {
      onePane: ratio(onePane.app.median, onePane.bare.median),
      twoPanes: ratio(twoPanes.app.median, twoPanes.bare.median),
      pairedMedianOnePane: onePane.pairedRatios.median,
      pairedMedianTwoPanes: twoPanes.pairedRatios.median,
    },
    decode: { onePane, twoPanes },
    ...streamFigures(win, idle, streamed, mainThread, longTasksSupported),
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
