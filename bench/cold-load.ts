/**
 * One cold load of one site: a fresh browser context (empty HTTP cache, no storage, no service worker), the
 * page probe injected before the site's scripts, a trace of the load, then the figures read once after the
 * page has settled (the page is not queried while it loads: a query would cost it main-thread time).
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Browser } from '@playwright/test';
import {
  installColdProbe,
  type ColdEntry,
  type ColdLongFrame,
  type ColdProbeState,
  type UiSample,
  type UiSpec,
} from './cold-probe';
import { analyzeTrace, TRACE_CATEGORIES, type TaskBreakdown } from './trace';

export interface ColdLoad {
  /** Round (0-based) and position in that round's order. */
  run: number;
  position: number;
  load1: number | null;
  /** ms from navigation start */
  responseEndMs: number;
  domContentLoadedMs: number;
  navToLoadMs: number;
  fcpMs: number | null;
  lcpMs: number | null;
  lcpElement: string | null;
  /** Long tasks (PerformanceObserver 'longtask', > 50 ms) from navigation start until the figures were read. */
  longTasks: ColdEntry[];
  longTasksBeforeFcp: number;
  longestBeforeFcpMs: number;
  /** Long animation frames before the first paint, with the scripts that ran in them. */
  longFramesBeforeFcp: ColdLongFrame[];
  /** From the trace (null when the load was not traced). */
  scriptUntilLoadMs: number | null;
  mainThreadBusyUntilLoadMs: number | null;
  tracedLongTasksBeforeFcp: TaskBreakdown[] | null;
  /** Resource Timing: JS bytes as transferred (gzip), requests, all bytes, finished before load / first paint. */
  jsBytesBeforeLoad: number;
  jsBytesBeforeFcp: number;
  requestsBeforeLoad: number;
  bytesBeforeLoad: number;
  /** Requests that failed (off-machine ones fail at once: no name resolves but 127.0.0.1). */
  failedRequests: string[];
  /**
   * Tandem only: when the app was live (its 'tandem-ready' mark: device probed, session restored, the panes
   * taking input), ms from navigation start, and the JS it had fetched by then (as transferred).
   */
  appReadyMs: number | null;
  jsBytesBeforeReady: number | null;
  /** Tandem only: what the first contentful paint showed, and when the whole first view was there. */
  realUi: { atFcp: boolean; fcpFrame: UiSample | null; completeAtMs: number | null } | null;
}

interface PageFigures {
  probe: ColdProbeState;
  nav: { responseEnd: number; domContentLoadedEventStart: number; loadEventStart: number } | null;
  ready: number | null;
  resources: {
    name: string;
    initiatorType: string;
    responseEnd: number;
    transferSize: number;
    encodedBodySize: number;
  }[];
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const isJs = (r: { name: string; initiatorType: string }): boolean =>
  /\.m?js(\?|$)/.test(r.name) || r.initiatorType === 'script';

async function readFigures(page: import('@playwright/test').Page): Promise<PageFigures> {
  return page.evaluate(() => {
    const probe = window.tandemColdProbe;
    if (!probe) throw new Error('the cold-start probe was not injected');
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      probe: JSON.parse(JSON.stringify(probe)) as ColdProbeState,
      ready: performance.getEntriesByName('tandem-ready')[0]?.startTime ?? null,
      nav: nav
        ? {
            responseEnd: nav.responseEnd,
            domContentLoadedEventStart: nav.domContentLoadedEventStart,
            loadEventStart: nav.loadEventStart,
          }
        : null,
      resources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
        name: r.name,
        initiatorType: r.initiatorType,
        responseEnd: r.responseEnd,
        transferSize: r.transferSize,
        encodedBodySize: r.encodedBodySize,
      })),
    };
  });
}

/**
 * What the first contentful paint showed: the last frame sampled before its paint time (a rAF callback runs
 * in the frame's rendering step, before paint), and when the whole first view was first there.
 */
export function uiAtFirstPaint(frames: UiSample[], fcpPaint: number | null): NonNullable<ColdLoad['realUi']> {
  const fcpFrame = fcpPaint === null ? null : (frames.filter((s) => s.at <= fcpPaint).at(-1) ?? null);
  return {
    atFcp: fcpFrame?.complete ?? false,
    fcpFrame,
    completeAtMs: frames.find((s) => s.complete)?.at ?? null,
  };
}

export interface ColdLoadOptions {
  url: string;
  ui: UiSpec | null;
  trace: boolean;
  settleMs: number;
  run: number;
  position: number;
}

export async function coldLoad(browser: Browser, o: ColdLoadOptions): Promise<ColdLoad> {
  const load1 = loadavg()[0] ?? null;
  const context = await browser.newContext();
  try {
    await context.addInitScript(installColdProbe, o.ui);
    const failed: string[] = [];
    context.on('requestfailed', (r) => failed.push(`${r.url()} (${r.failure()?.errorText ?? '?'})`));
    const page = await context.newPage();
    if (o.trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES, screenshots: false });
    let traced: Buffer | null = null;
    try {
      await page.goto(o.url, { waitUntil: 'load', timeout: 60_000 });
      // Let late paints, LCP candidates and long tasks land; then wait for the first paint if it is later.
      await page.waitForTimeout(o.settleMs);
      for (let i = 0; i < 40; i++) {
        if (await page.evaluate(() => window.tandemColdProbe?.fcp !== null)) break;
        await page.waitForTimeout(250);
      }
    } finally {
      if (o.trace) traced = await browser.stopTracing();
    }
    // TANDEM_BENCH_TRACE=file keeps each load's trace beside it (file-cold-<port>-<run>.json) to open in DevTools.
    const keep = process.env.TANDEM_BENCH_TRACE;
    if (traced && keep)
      writeFileSync(
        keep.replace(/(\.[a-z]+)?$/i, (ext) => `-cold-${new URL(o.url).port}-${o.run}${ext}`),
        traced,
      );
    const { probe, nav, ready, resources } = await readFigures(page);
    if (!nav) throw new Error(`${o.url}: no navigation timing entry`);
    const fcpMs = probe.fcp?.startTime ?? null;
    const fcpPaint = probe.fcp ? (probe.fcp.paintTime ?? probe.fcp.startTime) : null;
    const beforeFcp = (e: { startTime: number }): boolean => fcpMs === null || e.startTime < fcpMs;
    const longBeforeFcp = probe.longTasks.filter(beforeFcp);
    const done = (by: number) => resources.filter((r) => r.responseEnd <= by);
    const figures = traced ? analyzeTrace(traced.toString('utf8'), new URL(o.url).origin, fcpMs) : null;
    return {
      run: o.run,
      position: o.position,
      load1,
      responseEndMs: round1(nav.responseEnd),
      domContentLoadedMs: round1(nav.domContentLoadedEventStart),
      navToLoadMs: round1(nav.loadEventStart),
      fcpMs: fcpMs === null ? null : round1(fcpMs),
      lcpMs: probe.lcp ? round1(probe.lcp.startTime) : null,
      lcpElement: probe.lcp?.element ?? null,
      longTasks: probe.longTasks.map((t) => ({
        startTime: round1(t.startTime),
        duration: round1(t.duration),
      })),
      longTasksBeforeFcp: longBeforeFcp.length,
      longestBeforeFcpMs: Math.max(0, ...longBeforeFcp.map((t) => t.duration)),
      longFramesBeforeFcp: probe.longFrames.filter(beforeFcp),
      scriptUntilLoadMs: figures ? round1(figures.scriptUntilLoadMs) : null,
      mainThreadBusyUntilLoadMs: figures ? round1(figures.busyUntilLoadMs) : null,
      tracedLongTasksBeforeFcp: figures?.longTasksBeforeFcp ?? null,
      jsBytesBeforeLoad: done(nav.loadEventStart)
        .filter(isJs)
        .reduce((a, r) => a + r.encodedBodySize, 0),
      jsBytesBeforeFcp: done(fcpMs ?? Infinity)
        .filter(isJs)
        .reduce((a, r) => a + r.encodedBodySize, 0),
      requestsBeforeLoad: done(nav.loadEventStart).length + 1,
      bytesBeforeLoad: done(nav.loadEventStart).reduce((a, r) => a + r.transferSize, 0),
      failedRequests: failed,
      appReadyMs: ready === null ? null : round1(ready),
      jsBytesBeforeReady:
        ready === null
          ? null
          : done(ready)
              .filter(isJs)
              .reduce((a, r) => a + r.encodedBodySize, 0),
      realUi: o.ui ? uiAtFirstPaint(probe.samples, fcpPaint) : null,
    };
  } finally {
    await context.close();
  }
}
