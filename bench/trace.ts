/**
 * Main-thread figures of one cold load from a Chromium trace (the DevTools timeline categories): script time
 * until the load event, all main-thread work until then, and the long tasks before the first contentful
 * paint with what ran in them (scripts by URL, style and layout, parsing, paint).
 */

/** Only the trace categories these figures need: the DevTools timeline, top-level tasks, navigation marks. */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'v8.execute',
  'toplevel',
  'blink.user_timing',
  'loading',
];

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { frame?: string; data?: Record<string, unknown> };
}

/** Script: evaluation, compilation, calls into JS from tasks, timers, events, frames and microtasks. */
const SCRIPT = new Set([
  'EvaluateScript',
  'v8.evaluateModule',
  'v8.compile',
  'v8.compileModule',
  'FunctionCall',
  'TimerFire',
  'EventDispatch',
  'FireAnimationFrame',
  'FireIdleCallback',
  'RunMicrotasks',
  'V8.Execute',
]);
const TASK = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const RENDER = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']);

export interface TaskBreakdown {
  /** ms from navigation start */
  startMs: number;
  durationMs: number;
  /** ms of script per source (URL path, or the event name when it has none), the largest first. */
  scripts: { source: string; ms: number }[];
  renderMs: number;
  parseHtmlMs: number;
}

export interface TraceFigures {
  /** Script on the page's main thread from navigation start to the load event (overlaps counted once). */
  scriptUntilLoadMs: number;
  /** All main-thread tasks in the same span. */
  busyUntilLoadMs: number;
  /** Tasks over 50 ms that started before the first contentful paint, with what ran in them. */
  longTasksBeforeFcp: TaskBreakdown[];
}

type Span = [number, number];

/** Length of the union of spans, clipped to [from, to]. */
function unionMs(spans: Span[], from: number, to: number): number {
  const clipped = spans
    .map(([a, b]): Span => [Math.max(a, from), Math.min(b, to)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of clipped) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total / 1000;
}

const span = (e: TraceEvent): Span => [e.ts, e.ts + (e.dur ?? 0)];
const str = (x: unknown): string => (typeof x === 'string' ? x : '');

function breakdown(task: TraceEvent, inside: TraceEvent[], origin: string, navStart: number): TaskBreakdown {
  const [from, to] = span(task);
  const within = inside.filter((e) => e.ts >= from && e.ts < to);
  // Script per source: the outermost script events only (their children are part of them).
  const bySource = new Map<string, number>();
  let coveredTo = -Infinity;
  for (const e of within.filter((x) => SCRIPT.has(x.name)).sort((a, b) => a.ts - b.ts)) {
    if (e.ts < coveredTo) continue;
    coveredTo = e.ts + (e.dur ?? 0);
    const data = e.args?.data ?? {};
    const url = str(data.url) || str(data.fileName);
    const source = url ? url.replace(origin, '') : e.name;
    bySource.set(source, (bySource.get(source) ?? 0) + (e.dur ?? 0) / 1000);
  }
  const sum = (names: Set<string>): number =>
    unionMs(within.filter((e) => names.has(e.name)).map(span), from, to);
  return {
    startMs: (from - navStart) / 1000,
    durationMs: (to - from) / 1000,
    scripts: [...bySource]
      .map(([source, ms]) => ({ source, ms: Math.round(ms * 10) / 10 }))
      .sort((a, b) => b.ms - a.ms),
    renderMs: Math.round(sum(RENDER) * 10) / 10,
    parseHtmlMs: Math.round(sum(new Set(['ParseHTML'])) * 10) / 10,
  };
}

/**
 * Reads the trace of one load of `origin`: its main thread is the one that marked the navigation start of
 * that URL; `fcpMs` (ms after navigation start, from the page's own paint entry) bounds "before first paint".
 */
export function analyzeTrace(json: string, origin: string, fcpMs: number | null): TraceFigures | null {
  const parsed = JSON.parse(json) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const nav = events.find(
    (e) =>
      e.name === 'navigationStart' &&
      str(e.args?.data?.documentLoaderURL).startsWith(origin) &&
      e.args?.data?.isLoadingMainFrame === true,
  );
  if (!nav) return null;
  const main = events.filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.ts >= nav.ts);
  const load = main.find((e) => e.name === 'MarkLoad' && e.args?.data?.frame === nav.args?.frame);
  if (!load) return null;
  const complete = main.filter((e) => e.ph === 'X');
  const tasks = complete.filter((e) => TASK.has(e.name));
  const fcpTs = fcpMs === null ? Infinity : nav.ts + fcpMs * 1000;
  return {
    scriptUntilLoadMs: unionMs(complete.filter((e) => SCRIPT.has(e.name)).map(span), nav.ts, load.ts),
    busyUntilLoadMs: unionMs(tasks.map(span), nav.ts, load.ts),
    longTasksBeforeFcp: tasks
      .filter((t) => (t.dur ?? 0) > 50_000 && t.ts < fcpTs)
      .map((t) => breakdown(t, complete, origin, nav.ts)),
  };
}
