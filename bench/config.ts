/** The bench's knobs and where it reads and writes. Every value can be overridden from the environment. */
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
/** Its own port, build and fixtures, so it can run beside the e2e suite. */
export const PORT = Number(process.env.TANDEM_PORT ?? 4373);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
export const OUT_DIR = resolve(ROOT, process.env.TANDEM_OUT ?? 'dist-bench');
export const FIXTURES_DIR = resolve(ROOT, process.env.TANDEM_FIXTURES_DIR ?? '.e2e-fixtures-bench');
export const REPORT_PATH = resolve(ROOT, process.env.TANDEM_BENCH_REPORT ?? 'bench-report.json');
/** The printed summary, beside the report (scripts/bench.mjs prints it when the run ends). */
export const SUMMARY_PATH = REPORT_PATH.replace(/(\.json)?$/, '.txt');

const int = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
};

/** Measured runs per side (app and bare) and per pane count. */
export const RUNS = int('TANDEM_BENCH_RUNS', 9);
/**
 * Discarded runs per side first: V8 keeps compiling the hot llama.cpp WASM functions with its optimizing
 * tier in the background for the first ~700 tokens of a fresh worker, and runs slower until it is done.
 */
export const WARMUP_RUNS = int('TANDEM_BENCH_WARMUP_RUNS', 3);
/** Every flat-out overhead run streams exactly this many tokens (the loop model never stops on its own). */
export const MAX_TOKENS = int('TANDEM_BENCH_MAX_TOKENS', 256);
/** The same for the paced model (~60 tok/s here, so about a second a run). */
export const PACED_MAX_TOKENS = int('TANDEM_BENCH_PACED_MAX_TOKENS', 64);
/** How long both panes stream while frames and long tasks are counted. */
export const STREAM_MS = int('TANDEM_BENCH_STREAM_MS', 5000);
/**
 * The two anchors' production builds (see their README): on a fresh clone they sit beside the repository,
 * in ../shared/anchors. The cold-start phase measures them beside Tandem, and says so when they are absent.
 */
export const ANCHORS_DIR = resolve(ROOT, process.env.TANDEM_ANCHORS_DIR ?? '../shared/anchors');
/** Cold loads per site (fresh context each, interleaved across the sites). */
export const COLD_RUNS = int('TANDEM_BENCH_COLD_RUNS', 5);
/** How long a cold page is left after its load event before its figures are read (late paints, LCP). */
export const COLD_SETTLE_MS = int('TANDEM_BENCH_COLD_SETTLE_MS', 1500);
/**
 * Trace every cold load (Chromium's DevTools timeline) for main-thread script time until load and what ran
 * in the long tasks; TANDEM_BENCH_COLD_TRACE=0 turns it off (the same for all three sites either way).
 */
export const COLD_TRACE = process.env.TANDEM_BENCH_COLD_TRACE !== '0';
/** What the page costs while both panes stream the paced model: windows (app, bare, app, bare …) and length. */
export const PAGE_COST_WINDOWS = int('TANDEM_BENCH_PAGE_COST_WINDOWS', 3);
export const PAGE_COST_MS = int('TANDEM_BENCH_PAGE_COST_MS', 5000);
/** Which parts run (comma-separated; all by default): a partial run reports the others as not run. */
export const PHASE_NAMES = ['cold', 'paced', 'pinned', 'pagecost', 'flat', 'stream'] as const;
export type PhaseName = (typeof PHASE_NAMES)[number];
export function selectedPhases(value = process.env.TANDEM_BENCH_PHASES): Set<PhaseName> {
  if (!value?.trim()) return new Set(PHASE_NAMES);
  const asked = value.split(',').map((p) => p.trim());
  const unknown = asked.filter((p) => !(PHASE_NAMES as readonly string[]).includes(p));
  if (unknown.length)
    throw new Error(`TANDEM_BENCH_PHASES: unknown ${unknown.join(', ')} (known: ${PHASE_NAMES.join(', ')})`);
  return new Set(asked as PhaseName[]);
}
/** The same prompt for the app and the bare engine. */
export const PROMPT = 'Count the beats, please.';

export const TARGETS = {
  /** Unpinned (engines and page share the cores): the earlier targets, kept for comparison. */
  overhead: 0.98,
  /** Engines on a core of their own (bench/pin.ts), paced model. */
  pinnedOverhead: 0.99,
  longTaskMs: 50,
  fps: 58,
  upFrontJsGzipBytes: 100 * 1024,
  /** Tandem's first contentful paint ÷ the transformers.js demo's, at most. */
  fcpVsTjs: 0.8,
  /** Tandem's load event ÷ the demo's, at most. */
  loadVsTjs: 1,
  /** Cores the page adds over the bare engine while two panes stream the paced model, at most. */
  pageCostCores: 0.1,
} as const;
