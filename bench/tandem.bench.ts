/**
 * `npm run bench`: how fast the app opens, what the UI costs the engines, and whether the page stays smooth
 * while they stream. TANDEM_BENCH_PHASES picks parts (all by default):
 *
 * - cold: Tandem's production build and the two anchors, loaded cold side by side (bench/cold-start.ts).
 * - paced, pinned: overhead on the paced model, through the whole app and through the bare engine worker
 *   (bench/harness.html), interleaved app, bare, app, bare …, one pane then two; `pinned` with the engine
 *   workers on a core of their own (bench/pin.ts).
 * - pagecost: the CPU the page adds over the bare engine while both panes stream, charts in view.
 * - flat, stream: overhead on the tiny model flat out; frames and long tasks while both panes stream it.
 *
 * Then the bundle the entry HTML loads up front, the targets, bench-report.json and a printed summary.
 */
import { writeFileSync } from 'node:fs';
import { test, type BrowserContext, type Page } from '@playwright/test';
import { MODELS } from '../e2e/fixtures/models';
import type { ChatMessage, LoadedInfo, ModelSpec, Sampling } from '../src/engine/types';
import { effectiveSettings } from '../src/store/types';
import { loadModelByUrl, LOOP_URL, openFreshApp, readSaved, setSharedMaxTokens } from './app-driver';
import { bundleReport } from './bundle';
import { runColdStart } from './cold-start';
import { COLD_TRACE, MAX_TOKENS, OUT_DIR, PROMPT, REPORT_PATH, selectedPhases, SUMMARY_PATH } from './config';
import { loadHarness, openHarness, shutdownHarness } from './harness-driver';
import { configReport, loadAverageNow, machineReport } from './machine';
import { MainThreadMeter } from './main-thread';
import { runPhase, type BareInput } from './phase';
import { installProbe } from './probes';
import { overheadFigures } from './overhead';
import { runPaced } from './paced';
import type { BenchReport } from './report';
import { measureStream } from './stream';
import { formatSummary } from './summary';
import { evaluateTargets } from './targets';

const log = (s: string): void => console.log(`  ${s}`);

function watchOffsite(ctx: BrowserContext, seen: string[]): void {
  ctx.on('request', (r) => {
    const u = new URL(r.url());
    const local = u.hostname === '127.0.0.1' || u.hostname === 'localhost';
    if (u.protocol.startsWith('http') && !local) seen.push(r.url());
  });
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

test('bench: cold start, overhead, page cost, long tasks, frame rate, bundle', async ({ browser }) => {
  const phases = selectedPhases();
  const started = Date.now();
  const loadAtStart = loadAverageNow();
  const offsite: string[] = [];
  const newContext = async (): Promise<BrowserContext> => {
    const ctx = await browser.newContext();
    watchOffsite(ctx, offsite);
    return ctx;
  };

  // 1. Cold start first, while nothing else of the bench runs in the browser.
  const coldStart = phases.has('cold') ? await runColdStart(browser, log, COLD_TRACE) : null;

  const bareContext = await newContext();
  const bare = await bareContext.newPage();
  const environment = await openHarness(bare);
  const bareEngine: { info: LoadedInfo | null } = { info: null };
  const prepareBare = (app: Page, count: number, maxTokens: number) => async (): Promise<BareInput> => {
    const { input, spec } = await bareInputFrom(app, maxTokens);
    bareEngine.info = (await loadHarness(bare, count, spec))[0] ?? null;
    return input;
  };
  const none = { onePane: null, twoPanes: null };
  const decode: BenchReport['decode'] = { ...none, flatOut: { ...none }, pinned: { ...none } };
  let pinned: BenchReport['overhead']['pinned'] = null;
  let pageCost: BenchReport['pageCost'] = null;

  // 2. The paced model: overhead sharing the cores and with the engines pinned, then the page's cost.
  if (phases.has('paced') || phases.has('pinned') || phases.has('pagecost')) {
    const context = await newContext();
    const paced = await runPaced({ context, bare, phases, prepareBare, log });
    Object.assign(decode, paced.shared);
    decode.pinned = paced.pinned;
    pinned = paced.pinnedFigures;
    pageCost = paced.pageCost;
    await context.close();
    await shutdownHarness(bare);
  }

  // 3. The tiny model flat out; its page then serves the frame-rate window.
  let stream: BenchReport['stream'] = null;
  if (phases.has('flat') || phases.has('stream')) {
    const ctx = await newContext();
    await ctx.addInitScript(installProbe);
    const app = await ctx.newPage();
    await openFreshApp(app);
    await loadModelByUrl(app, 'A', LOOP_URL);
    await setSharedMaxTokens(app, MAX_TOKENS);
    if (phases.has('flat')) {
      log(`flat out: ${MODELS.loop.file}, ${MAX_TOKENS} tokens a run`);
      const meter = await MainThreadMeter.attach(app);
      const base = { app, bare, meter, maxTokens: MAX_TOKENS, log };
      decode.flatOut.onePane = await runPhase({
        ...base,
        panes: ['A'],
        prepareBare: prepareBare(app, 1, MAX_TOKENS),
      });
      await loadModelByUrl(app, 'B', LOOP_URL);
      decode.flatOut.twoPanes = await runPhase({
        ...base,
        panes: ['A', 'B'],
        prepareBare: prepareBare(app, 2, MAX_TOKENS),
      });
      await meter.detach();
    } else await loadModelByUrl(app, 'B', LOOP_URL);
    // Nothing else runs while the app page is watched.
    await shutdownHarness(bare);
    if (phases.has('stream')) stream = await measureStream(app, log);
    await ctx.close();
  }
  await bareContext.close();

  const sameAsProduction = process.env.TANDEM_BENCH_SAME_AS_PRODUCTION;
  const partial: Omit<BenchReport, 'targets'> = {
    schema: 3,
    generatedAt: new Date().toISOString(),
    durationS: Math.round((Date.now() - started) / 1000),
    phases: [...phases],
    machine: machineReport(browser, environment, bareEngine.info, loadAtStart),
    config: configReport(),
    coldStart,
    overhead: { ...overheadFigures(decode), flatOut: overheadFigures(decode.flatOut), pinned },
    decode,
    pageCost,
    stream,
    bundle: {
      ...bundleReport(OUT_DIR),
      sameAsProductionBuild: sameAsProduction === undefined ? null : sameAsProduction === '1',
    },
    offsiteRequests: offsite,
  };
  const report: BenchReport = { ...partial, targets: evaluateTargets(partial) };
  writeFileSync(REPORT_PATH, JSON.stringify(report, null, 2) + '\n');
  writeFileSync(SUMMARY_PATH, formatSummary(report, REPORT_PATH) + '\n');
  log(`wrote ${REPORT_PATH} and ${SUMMARY_PATH}`);
});
