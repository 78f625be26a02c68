/**
 * Cold start, side by side: Tandem's production build and the two anchors (bench/README.md), each from its
 * own static server (bench/static-server.ts, the same code for all three), loaded in a fresh browser context
 * per load, interleaved (the order rotates each round, so no site always goes first), COLD_RUNS rounds.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { PANE_REGIONS, PROMPT_LABEL } from './app-driver';
import type { UiSpec } from './cold-probe';
import { coldLoad, type ColdLoad } from './cold-load';
import { ANCHORS_DIR, COLD_RUNS, COLD_SETTLE_MS, OUT_DIR } from './config';
import { medianInterval, ratio, ratioInterval, summarize, type Summary } from './stats';
import { serveStatic, type StaticSite } from './static-server';

export type SiteName = 'tandem' | 'tjs-llama-3.2-webgpu' | 'web-llm-chat';

interface SiteSpec {
  name: SiteName;
  about: string;
  dir: string;
  ui: UiSpec | null;
}

/** Tandem's first view, named as a person (and the e2e suite) finds it. */
const TANDEM_UI: UiSpec = { heading: 'Tandem', regions: [...PANE_REGIONS], textbox: PROMPT_LABEL };

export const SITES: SiteSpec[] = [
  {
    name: 'tandem',
    about: 'this build (the app part of the bench build, byte-identical to `vite build`)',
    dir: OUT_DIR,
    ui: TANDEM_UI,
  },
  {
    name: 'tjs-llama-3.2-webgpu',
    about: 'transformers.js Llama-3.2 WebGPU demo (huggingface/transformers.js-examples)',
    dir: join(ANCHORS_DIR, 'tjs-llama-3.2-webgpu', 'dist'),
    ui: null,
  },
  {
    name: 'web-llm-chat',
    about: 'WebLLM Chat (mlc-ai/web-llm-chat), for scale',
    dir: join(ANCHORS_DIR, 'web-llm-chat', 'out'),
    ui: null,
  },
];

export type MetricSummary = Summary & { interval95: [number, number] | null };

export interface ColdSiteReport {
  name: SiteName;
  about: string;
  dir: string;
  origin: string;
  navToLoadMs: MetricSummary;
  domContentLoadedMs: MetricSummary;
  fcpMs: MetricSummary;
  lcpMs: MetricSummary;
  scriptUntilLoadMs: MetricSummary;
  mainThreadBusyUntilLoadMs: MetricSummary;
  jsKBBeforeLoad: MetricSummary;
  /** Tandem: when the app was live (its own mark), and the JS fetched by then; null summaries elsewhere. */
  appReadyMs: MetricSummary;
  jsKBBeforeReady: MetricSummary;
  /** Runs with a long task (> 50 ms) before the first contentful paint, and the longest one. */
  runsWithLongTaskBeforeFcp: number;
  longestTaskBeforeFcpMs: number;
  /** Tandem: in how many runs the first contentful paint showed the title, both panes and the prompt box. */
  realUiAtFcpRuns: number | null;
  runs: ColdLoad[];
}

export interface ColdStartReport {
  config: Record<string, unknown>;
  sites: ColdSiteReport[];
  /** Sites that could not be measured (an anchor not on this machine), with the reason. */
  missing: { name: SiteName; dir: string; reason: string }[];
  /** Tandem ÷ the transformers.js demo, medians, with 95 % bootstrap intervals over the rounds. */
  vsTjs: {
    fcp: number | null;
    fcpInterval95: [number, number] | null;
    load: number | null;
    loadInterval95: [number, number] | null;
  } | null;
}

const metric = (xs: (number | null)[]): MetricSummary => ({
  ...summarize(xs),
  interval95: medianInterval(xs),
});

function siteReport(s: SiteSpec, origin: string, runs: ColdLoad[]): ColdSiteReport {
  const pick = (f: (r: ColdLoad) => number | null): MetricSummary => metric(runs.map(f));
  return {
    name: s.name,
    about: s.about,
    dir: s.dir,
    origin,
    navToLoadMs: pick((r) => r.navToLoadMs),
    domContentLoadedMs: pick((r) => r.domContentLoadedMs),
    fcpMs: pick((r) => r.fcpMs),
    lcpMs: pick((r) => r.lcpMs),
    scriptUntilLoadMs: pick((r) => r.scriptUntilLoadMs),
    mainThreadBusyUntilLoadMs: pick((r) => r.mainThreadBusyUntilLoadMs),
    jsKBBeforeLoad: pick((r) => r.jsBytesBeforeLoad / 1024),
    appReadyMs: pick((r) => r.appReadyMs),
    jsKBBeforeReady: pick((r) => (r.jsBytesBeforeReady === null ? null : r.jsBytesBeforeReady / 1024)),
    runsWithLongTaskBeforeFcp: runs.filter((r) => r.longTasksBeforeFcp > 0).length,
    longestTaskBeforeFcpMs: Math.max(0, ...runs.map((r) => r.longestBeforeFcpMs)),
    realUiAtFcpRuns: s.ui ? runs.filter((r) => r.realUi?.atFcp).length : null,
    runs,
  };
}

export async function runColdStart(
  browser: Browser,
  log: (s: string) => void,
  trace: boolean,
): Promise<ColdStartReport> {
  const missing: ColdStartReport['missing'] = [];
  const served: { spec: SiteSpec; server: StaticSite }[] = [];
  for (const spec of SITES) {
    if (!existsSync(join(spec.dir, 'index.html'))) {
      missing.push({
        name: spec.name,
        dir: spec.dir,
        reason: `no index.html in ${spec.dir} (set TANDEM_ANCHORS_DIR)`,
      });
      log(`cold start: ${spec.name} is not there (${spec.dir}); measuring without it`);
      continue;
    }
    served.push({ spec, server: await serveStatic(spec.dir) });
  }
  const runs = new Map<SiteName, ColdLoad[]>(served.map((s) => [s.spec.name, []]));
  try {
    for (let run = 0; run < COLD_RUNS; run++) {
      const order = served.map((_, i) => served[(i + run) % served.length]).filter((s) => s !== undefined);
      for (const [position, { spec, server }] of order.entries()) {
        const r = await coldLoad(browser, {
          url: `${server.url}/`,
          ui: spec.ui,
          trace,
          settleMs: COLD_SETTLE_MS,
          run,
          position,
        });
        runs.get(spec.name)?.push(r);
        log(
          `cold ${run + 1}/${COLD_RUNS} ${spec.name.padEnd(22)} load ${r.navToLoadMs.toFixed(0).padStart(5)} ms  FCP ${r.fcpMs?.toFixed(0).padStart(5) ?? '    —'} ms  ` +
            `LCP ${r.lcpMs?.toFixed(0).padStart(5) ?? '    —'} ms  script→load ${r.scriptUntilLoadMs?.toFixed(0) ?? '—'} ms  ` +
            `long tasks before FCP ${r.longTasksBeforeFcp}${r.realUi ? `  real UI at FCP: ${r.realUi.atFcp ? 'yes' : 'no'}` : ''}  load ${r.load1?.toFixed(1) ?? '?'}`,
        );
      }
    }
  } finally {
    await Promise.all(served.map((s) => s.server.close()));
  }
  const sites = served.map(({ spec, server }) => siteReport(spec, server.url, runs.get(spec.name) ?? []));
  const tandem = runs.get('tandem');
  const tjs = runs.get('tjs-llama-3.2-webgpu');
  const byRun = (xs: ColdLoad[], f: (r: ColdLoad) => number | null) => xs.map(f);
  return {
    config: {
      runsPerSite: COLD_RUNS,
      settleMs: COLD_SETTLE_MS,
      traced: trace,
      order: 'interleaved: each round loads every site once, the order rotating by one site per round',
      context:
        'a fresh browser context per load (empty HTTP cache, no storage, no service worker); viewport 1280×720',
      server:
        'bench/static-server.ts for all three: 127.0.0.1, one origin per site, files from memory, gzip, no security headers',
      offMachine:
        'every host name but 127.0.0.1 and localhost fails to resolve at once (--host-resolver-rules), e.g. the MathJax script of the transformers.js demo',
      scriptTime: trace
        ? 'from a Chromium trace of each load (DevTools timeline): script events on the page main thread, navigation start → load event, overlaps counted once'
        : 'not measured (trace off)',
    },
    sites,
    missing,
    vsTjs:
      tandem && tjs
        ? {
            fcp: ratio(
              metric(byRun(tandem, (r) => r.fcpMs)).median,
              metric(byRun(tjs, (r) => r.fcpMs)).median,
            ),
            fcpInterval95: ratioInterval(
              byRun(tandem, (r) => r.fcpMs),
              byRun(tjs, (r) => r.fcpMs),
            ),
            load: ratio(
              metric(byRun(tandem, (r) => r.navToLoadMs)).median,
              metric(byRun(tjs, (r) => r.navToLoadMs)).median,
            ),
            loadInterval95: ratioInterval(
              byRun(tandem, (r) => r.navToLoadMs),
              byRun(tjs, (r) => r.navToLoadMs),
            ),
          }
        : null,
  };
}
