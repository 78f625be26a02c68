/**
 * The paced model (real work per token, a 3B model's pace on a laptop GPU): overhead with one pane and with
 * two, engines and page sharing the cores (`paced`) and with the engines on a core of their own (`pinned`,
 * bench/pin.ts), then what the page costs while both panes stream (`pagecost`, bench/page-cost.ts).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { loadModelByUrl, openFreshApp, PACED_URL, setSharedMaxTokens, type PaneName } from './app-driver';
import { PACED_MAX_TOKENS, type PhaseName } from './config';
import { MainThreadMeter } from './main-thread';
import { perRunCost, pinnedOverhead } from './overhead';
import { measurePageCost } from './page-cost';
import { runPhase, type BareInput } from './phase';
import { pinCores, Pinning } from './pin';
import type { BenchPhases, BenchReport, PhaseReport } from './report';

export interface PacedSetup {
  context: BrowserContext;
  bare: Page;
  phases: Set<PhaseName>;
  /** Loads `count` bare workers with what the app page runs, and returns what the app sends. */
  prepareBare: (app: Page, count: number, maxTokens: number) => () => Promise<BareInput>;
  log: (s: string) => void;
}

export interface PacedResults {
  shared: BenchPhases;
  pinned: BenchPhases;
  pinnedFigures: BenchReport['overhead']['pinned'];
  pageCost: BenchReport['pageCost'];
}

export async function runPaced({
  context,
  bare,
  phases,
  prepareBare,
  log,
}: PacedSetup): Promise<PacedResults> {
  const app = await context.newPage();
  const meter = await MainThreadMeter.attach(app);
  const cores =
    phases.has('pinned') || phases.has('pagecost') ? pinCores(process.env.TANDEM_BENCH_PIN_CORES) : null;
  if (cores && 'unavailable' in cores) log(`pinned: cannot pin here (${cores.unavailable})`);
  const realTime = process.env.TANDEM_BENCH_PIN_PRIORITY !== 'normal';
  const pinning = cores && !('unavailable' in cores) ? new Pinning(cores, realTime) : null;
  const withPinning = async <T>(measure: (p: Pinning) => Promise<T>): Promise<T | null> => {
    if (!pinning) return null;
    log(
      `pinned: engine workers on core ${pinning.cores.engine} (${pinning.stats.priority} priority), the rest of the browser on core ${pinning.cores.page}`,
    );
    pinning.start();
    try {
      return await measure(pinning);
    } finally {
      pinning.stop();
    }
  };
  const phase = (panes: PaneName[], p?: Pinning): Promise<PhaseReport> =>
    runPhase({
      app,
      bare,
      meter,
      maxTokens: PACED_MAX_TOKENS,
      log,
      panes,
      prepareBare: prepareBare(app, panes.length, PACED_MAX_TOKENS),
      ...(p ? { pinning: p } : {}),
    });
  const both = async (panes: PaneName[]): Promise<[PhaseReport | null, PhaseReport | null]> => [
    phases.has('paced') ? await phase(panes) : null,
    phases.has('pinned') ? await withPinning((p) => phase(panes, p)) : null,
  ];

  log(`paced model: ${PACED_URL}, ${PACED_MAX_TOKENS} tokens a run`);
  await openFreshApp(app);
  await loadModelByUrl(app, 'A', PACED_URL);
  await setSharedMaxTokens(app, PACED_MAX_TOKENS);
  const [onePane, pinnedOne] = await both(['A']);
  log('loading pane B; both panes (app) and two workers (bare) stream together');
  await loadModelByUrl(app, 'B', PACED_URL);
  const [twoPanes, pinnedTwo] = await both(['A', 'B']);
  const pinned = { onePane: pinnedOne, twoPanes: pinnedTwo };
  let pinnedFigures: BenchReport['overhead']['pinned'] = null;
  if (phases.has('pinned'))
    pinnedFigures = cores && 'unavailable' in cores ? cores : pinning && pinnedOverhead(pinned, pinning);
  let pageCost: BenchReport['pageCost'] = null;
  if (phases.has('pagecost')) {
    const input = await prepareBare(app, 2, PACED_MAX_TOKENS)();
    pageCost = {
      enginesPinned: await withPinning((p) => measurePageCost(app, bare, meter, input, log, p)),
      sharedCores: await measurePageCost(app, bare, meter, input, log, null),
      perRun: perRunCost(twoPanes),
    };
  }
  await meter.detach();
  return { shared: { onePane, twoPanes }, pinned, pinnedFigures, pageCost };
}
