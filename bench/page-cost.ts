/**
 * What the page costs while it streams: both panes stream the paced model together with the charts in view,
 * and the whole browser's CPU is counted by thread class (bench/cpu-threads.ts) over a fixed window; then
 * the bare engine (two workers, no UI) streams the same conversation over a window of the same length.
 * Windows alternate, app then bare. The page's cost is, per class, the cores busy through the app minus
 * the cores busy bare; engine workers are left out of the total (their work is the engines').
 *
 * Measured with the engines pinned to a core of their own (bench/pin.ts) so that the app's engines stream
 * at the bare engines' pace: sharing the cores, the page slows its own engines, then has fewer tokens to
 * draw, and its cost per second reads lower the more it slows them. Also measured sharing the cores.
 */
import { loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import { clearChats, collectLastTurns, setSharedMaxTokens, startStreaming, stopAll } from './app-driver';
import { PAGE_COST_MS, PAGE_COST_WINDOWS, PROMPT } from './config';
import { addCpuBetween, cpuPer, cpuSnapshot, noCpu, THREAD_CLASSES, type CpuByClass } from './cpu-threads';
import { interruptHarness, runHarness } from './harness-driver';
import { MainThreadMeter, type MainThreadUse } from './main-thread';
import type { BareInput } from './phase';
import type { Pinning } from './pin';
import { PageProfiler } from './profile';
import { medianInterval, rateInWindow, summarize } from './stats';

/** Far more than a window needs: the looping model streams until stopped (its context holds ~30 s). */
const ENDLESS = 100_000;
/** Streaming and the charts settle before the window opens. */
const SETTLE_MS = 1000;

const PAGE_CLASSES = THREAD_CLASSES.filter((c) => c !== 'workers');

export interface PageCostWindow {
  load1: number | null;
  /**
   * The app page's main thread over the app window (DevTools protocol counters). The page draws a frame per
   * batch of tokens at most once a vsync: a main thread busy near 100 % would mean it was starved, and
   * drew (and cost) less than it wanted.
   */
  appMainThread: MainThreadUse;
  /** Cores busy, by thread class, over the window. */
  app: CpuByClass | null;
  bare: CpuByClass | null;
  /** Mean of the two panes' tokens/s inside the window. */
  appTokensPerS: number | null;
  bareTokensPerS: number | null;
}

export interface PageCostReport {
  /** Engine workers on a core of their own (bench/pin.ts) while measured, or sharing the cores with the page. */
  enginesPinned: boolean;
  windowS: number;
  windows: PageCostWindow[];
  /** Medians over the windows, cores busy. */
  app: CpuByClass | null;
  bare: CpuByClass | null;
  /** Per class, median over the windows of app − bare. */
  added: CpuByClass | null;
  /** All but the engine workers, app − bare: the page's cost in cores (median, 95 % bootstrap interval). */
  addedTotal: number | null;
  addedTotalInterval95: [number, number] | null;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const sum = (c: CpuByClass, classes: readonly string[]): number =>
  classes.reduce((a, k) => a + (c[k as keyof CpuByClass] ?? 0), 0);

/** Counts the browser's CPU over one window of PAGE_COST_MS; from and to are epoch ms. */
async function cpuWindow(): Promise<{ cores: CpuByClass | null; from: number; to: number }> {
  const a = cpuSnapshot();
  await sleep(PAGE_COST_MS);
  const b = cpuSnapshot();
  const total = noCpu();
  const s = addCpuBetween(a, b, total);
  return { cores: cpuPer(total, s), from: a?.at ?? 0, to: b?.at ?? 0 };
}

/** Mean tokens/s of the panes inside [from, to]; null if a pane stopped before the window ended. */
function windowRate(turns: { tokenTimes: number[] }[], from: number, to: number): number | null {
  if (turns.some((t) => (t.tokenTimes.at(-1) ?? 0) < to)) return null;
  const rates = turns.map((t) => rateInWindow(t.tokenTimes, from, to));
  return rates.some((r) => r === null)
    ? null
    : rates.reduce<number>((x, r) => x + (r ?? 0), 0) / rates.length;
}

async function appWindow(
  app: Page,
  meter: MainThreadMeter,
  profile: string | null,
): Promise<{ cores: CpuByClass | null; rate: number | null; mainThread: MainThreadUse }> {
  await startStreaming(app, PROMPT, ['A', 'B']);
  await app.getByRole('region', { name: 'Telemetry' }).scrollIntoViewIfNeeded();
  await sleep(SETTLE_MS);
  const profiler = profile ? await PageProfiler.start(app, profile) : null;
  const before = await meter.read();
  const w = await cpuWindow();
  const mainThread = MainThreadMeter.between(before, await meter.read());
  const hot = await profiler?.stop();
  if (hot) console.log(`  ${profile}: ${hot.map((h) => `${h.where} ${h.selfMs} ms`).join('; ')}`);
  await stopAll(app);
  const turns = await collectLastTurns(app, ['A', 'B']);
  await clearChats(app, ['A', 'B']);
  return { cores: w.cores, rate: windowRate(turns, w.from, w.to), mainThread };
}

async function bareWindow(
  bare: Page,
  input: BareInput,
): Promise<{ cores: CpuByClass | null; rate: number | null }> {
  const running = runHarness(bare, input.messages, { ...input.sampling, max_tokens: ENDLESS });
  await sleep(SETTLE_MS);
  const w = await cpuWindow();
  await interruptHarness(bare);
  const turns = await running;
  return { cores: w.cores, rate: windowRate(turns, w.from, w.to) };
}

function medianByClass(xs: (CpuByClass | null)[]): CpuByClass | null {
  const v = xs.filter((x): x is CpuByClass => x !== null);
  if (!v.length) return null;
  const out = noCpu();
  for (const k of THREAD_CLASSES) out[k] = round3(summarize(v.map((c) => c[k])).median ?? 0);
  return out;
}

function diff(a: CpuByClass | null, b: CpuByClass | null): CpuByClass | null {
  if (!a || !b) return null;
  const out = noCpu();
  for (const k of THREAD_CLASSES) out[k] = round3(a[k] - b[k]);
  return out;
}

/** The app has both panes loaded with the paced model; the harness has two workers with the same. */
export async function measurePageCost(
  app: Page,
  bare: Page,
  meter: MainThreadMeter,
  input: BareInput,
  log: (s: string) => void,
  pinning: Pinning | null,
): Promise<PageCostReport> {
  await setSharedMaxTokens(app, ENDLESS);
  const windows: PageCostWindow[] = [];
  const label = pinning ? 'page cost, engines pinned' : 'page cost, shared cores';
  for (let i = 0; i < PAGE_COST_WINDOWS; i++) {
    const load1 = loadavg()[0] ?? null;
    pinning?.pass();
    // With TANDEM_BENCH_PROFILE set, the first app window is profiled (and traced with TANDEM_BENCH_TRACE).
    const a = await appWindow(app, meter, i === 0 ? (pinning ? 'pagecost-pinned' : 'pagecost') : null);
    pinning?.pass();
    const b = await bareWindow(bare, input);
    windows.push({
      load1,
      appMainThread: a.mainThread,
      app: a.cores,
      bare: b.cores,
      appTokensPerS: a.rate,
      bareTokensPerS: b.rate,
    });
    const added = diff(a.cores, b.cores);
    log(
      `${label} ${i + 1}/${PAGE_COST_WINDOWS}: app ${a.rate?.toFixed(1) ?? '—'} tok/s, bare ${b.rate?.toFixed(1) ?? '—'} tok/s; ` +
        `page adds ${added ? sum(added, PAGE_CLASSES).toFixed(2) : '—'} cores ` +
        `(${added ? PAGE_CLASSES.map((k) => `${k} ${added[k].toFixed(2)}`).join(', ') : '—'}); ` +
        `app main thread ${Math.round(a.mainThread.busy * 100)} % busy   load ${load1?.toFixed(1) ?? '?'}`,
    );
  }
  const totals = windows.map((w) => {
    const d = diff(w.app, w.bare);
    return d && sum(d, PAGE_CLASSES);
  });
  return {
    enginesPinned: pinning !== null,
    windowS: PAGE_COST_MS / 1000,
    windows,
    app: medianByClass(windows.map((w) => w.app)),
    bare: medianByClass(windows.map((w) => w.bare)),
    added: medianByClass(windows.map((w) => diff(w.app, w.bare))),
    addedTotal: summarize(totals).median,
    addedTotalInterval95: medianInterval(totals),
  };
}
