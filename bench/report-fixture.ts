/** A bench report with nothing measured, and pieces to fill in: for the targets' and summary's tests. */
import type { ColdSiteReport, ColdStartReport, MetricSummary, SiteName } from './cold-start';
import type { BenchReport } from './report';
import { summarize } from './stats';

const metric = (x: number | null): MetricSummary => ({ ...summarize([x]), interval95: null });

export function coldSite(
  name: SiteName,
  f: { fcp: number; load: number; runs: number; realUiRuns: number | null; longTaskRuns: number },
): ColdSiteReport {
  return {
    name,
    about: name,
    dir: `/anchors/${name}`,
    origin: 'http://127.0.0.1:1',
    navToLoadMs: metric(f.load),
    domContentLoadedMs: metric(f.load),
    fcpMs: metric(f.fcp),
    lcpMs: metric(f.fcp),
    scriptUntilLoadMs: metric(50),
    mainThreadBusyUntilLoadMs: metric(80),
    jsKBBeforeLoad: metric(70),
    appReadyMs: metric(null),
    jsKBBeforeReady: metric(null),
    runsWithLongTaskBeforeFcp: f.longTaskRuns,
    longestTaskBeforeFcpMs: f.longTaskRuns ? 60 : 0,
    realUiAtFcpRuns: f.realUiRuns,
    runs: Array.from({ length: f.runs }, () => ({}) as ColdSiteReport['runs'][number]),
  };
}

export function coldStart(sites: ColdSiteReport[], vsTjs: ColdStartReport['vsTjs']): ColdStartReport {
  return { config: { runsPerSite: 5 }, sites, missing: [], vsTjs };
}

export function emptyReport(): Omit<BenchReport, 'targets'> {
  const none = { onePane: null, twoPanes: null };
  const overhead = { onePane: null, twoPanes: null, pairedMedianOnePane: null, pairedMedianTwoPanes: null };
  return {
    schema: 3,
    generatedAt: '2026-01-01T00:00:00.000Z',
    durationS: 1,
    phases: [],
    machine: {
      chromium: '150.0',
      cores: 2,
      host: { cpuModel: 'test', loadAverageAtStart: [1, 1, 1], loadAverageAtEnd: [1, 1, 1] },
    },
    config: {},
    coldStart: null,
    overhead: { ...overhead, flatOut: { ...overhead }, pinned: null },
    decode: { ...none, flatOut: { ...none }, pinned: { ...none } },
    pageCost: null,
    stream: null,
    bundle: {
      mainFile: 'assets/index.js',
      mainBytes: 300_000,
      mainGzipBytes: 95 * 1024,
      upFrontGzipBytes: 101 * 1024,
      upFrontJsGzipBytes: 99 * 1024,
      upFront: [],
      runtimesInMain: false,
      runtimesFound: [],
      sameAsProductionBuild: true,
    },
    offsiteRequests: [],
  };
}
