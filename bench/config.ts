/** The bench's knobs and where it reads and writes. Every value can be overridden from the environment. */
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
/** Its own port, build and fixtures, so it can run beside the e2e suite. */
export const PORT = Number(process.env.TANDEM_PORT ?? 4373);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
export const OUT_DIR = resolve(ROOT, process.env.TANDEM_OUT ?? 'dist-bench');
export const FIXTURES_DIR = resolve(ROOT, process.env.TANDEM_FIXTURES_DIR ?? '.e2e-fixtures-bench');
export const REPORT_PATH = resolve(ROOT, process.env.TANDEM_BENCH_REPORT ?? 'bench-report.json');

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
/** The same prompt for the app and the bare engine. */
export const PROMPT = 'Count the beats, please.';

export const TARGETS = {
  overhead: 0.98,
  longTaskMs: 50,
  fps: 55,
  upFrontJsGzipBytes: 150 * 1024,
} as const;
