/** Overhead figures (app ÷ bare decode rates) and the page's cost per run, from the phases' reports. */
import type { Pinning } from './pin';
import type { BenchPhases, OverheadFigures, PerRunCost, PhaseReport, PinnedOverhead } from './report';
import { ratio, summarize } from './stats';
import type { CpuByClass } from './cpu-threads';

export function overheadFigures({ onePane, twoPanes }: BenchPhases): OverheadFigures {
  return {
    onePane: onePane && ratio(onePane.app.median, onePane.bare.median),
    twoPanes: twoPanes && ratio(twoPanes.app.median, twoPanes.bare.median),
    pairedMedianOnePane: onePane?.pairedRatios.median ?? null,
    pairedMedianTwoPanes: twoPanes?.pairedRatios.median ?? null,
  };
}

export function pinnedOverhead(phases: BenchPhases, pinning: Pinning): PinnedOverhead {
  return {
    ...overheadFigures(phases),
    onePaneInterval95: phases.onePane?.overheadInterval95 ?? null,
    twoPanesInterval95: phases.twoPanes?.overheadInterval95 ?? null,
    cores: { engine: pinning.cores.engine, page: pinning.cores.page },
    pinning: { ...pinning.stats },
  };
}

const notEngine = (c: CpuByClass): number => c.rendererMain + c.compositorRaster + c.gpuProcess + c.other;

/**
 * The page's cost the way the issue counted it: core-seconds a two-pane run of everything but the engine
 * workers, through the app minus bare, over the seconds a run streams (request to last token).
 */
export function perRunCost(twoPanes: PhaseReport | null): PerRunCost | null {
  const { app, bare } = twoPanes?.cpu ?? {};
  if (!twoPanes || !app || !bare) return null;
  const spans = twoPanes.runs
    .filter((r) => r.side === 'app' && !r.warmup)
    .map((r) => Math.max(...r.turns.map((t) => (t.endedAt - t.startedAt) / 1000)));
  const streamS = summarize(spans).median;
  const added = notEngine(app) - notEngine(bare);
  return {
    appCoreS: Math.round(notEngine(app) * 1000) / 1000,
    bareCoreS: Math.round(notEngine(bare) * 1000) / 1000,
    streamS: streamS && Math.round(streamS * 1000) / 1000,
    addedCores: streamS ? Math.round((added / streamS) * 1000) / 1000 : null,
  };
}
