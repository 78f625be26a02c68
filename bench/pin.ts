/**
 * Engines on a core of their own, as on a machine where they run on the GPU and leave the CPU to the page:
 * every engine worker thread of the browser (bench/cpu-threads.ts: the app's engine workers and the
 * llama.cpp workers inside them) is pinned to one core, every other browser thread (page main threads,
 * compositor and raster, GPU process, browser process, network) and this test process to another, with
 * Linux's sched_setaffinity through util-linux's `taskset`. New threads start on their creator's core, so a
 * pass every 250 ms moves any thread that is on the wrong one (workers are created when models load).
 * Applied the same way to the app and the bare runs.
 *
 * A core of their own also means no other process takes it: on a shared machine the kernel moves other
 * processes onto the engine core whenever the page keeps the other core busy, and the engines then wait
 * for their core (measured: /proc/…/schedstat). So the engine threads also run at real-time priority
 * (SCHED_RR 1, `chrt`) while pinned: runnable, they run. The kernel still keeps 5 % of every core for other
 * tasks (sched_rt_runtime_us), and everything is put back when pinning stops. TANDEM_BENCH_PIN_PRIORITY=normal
 * keeps them at normal priority.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { browserThreads, type BrowserThread } from './cpu-threads';

export interface PinCores {
  engine: number;
  page: number;
  /** Every core this process may use (restored when pinning stops), as taskset writes it: "0-1". */
  all: string;
}

/** "0-1,3" → [0, 1, 3] */
export function parseCpuList(list: string): number[] {
  const cores: number[] = [];
  for (const part of list
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [a, b] = part.split('-').map(Number);
    if (a === undefined || !Number.isInteger(a)) return [];
    const end = b === undefined ? a : b;
    if (!Number.isInteger(end) || end < a) return [];
    for (let c = a; c <= end; c++) cores.push(c);
  }
  return cores;
}

/**
 * The engine core and the page core from the cores this process may use ("0-1"): `choice` is
 * "<engine>,<page>", else the last and the first of them. Or why that cannot be.
 */
export function chooseCores(
  allowedList: string,
  choice: string | undefined,
): PinCores | { unavailable: string } {
  const allowed = parseCpuList(allowedList);
  if (allowed.length < 2)
    return {
      unavailable: `this process may use ${allowed.length} core(s) (${allowedList}); pinning needs 2`,
    };
  const [engine, page] = choice ? choice.split(',').map(Number) : [allowed.at(-1), allowed[0]];
  if (
    engine === undefined ||
    page === undefined ||
    engine === page ||
    ![engine, page].every((c) => allowed.includes(c))
  )
    return {
      unavailable: `TANDEM_BENCH_PIN_CORES="${choice ?? ''}": need two different cores of ${allowedList}`,
    };
  return { engine, page, all: allowedList };
}

/** chooseCores on this machine, or why pinning cannot run here (not Linux, no taskset). */
export function pinCores(choice: string | undefined): PinCores | { unavailable: string } {
  if (process.platform !== 'linux') return { unavailable: 'pinning threads needs Linux' };
  if (spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status !== 0)
    return { unavailable: 'taskset (util-linux) is not installed' };
  const status = readFileSync('/proc/self/status', 'utf8');
  return chooseCores(/Cpus_allowed_list:\s*(\S+)/.exec(status)?.[1] ?? '', choice);
}

/** Engine workers on the engine core, everything else of the browser on the page core. */
export const coreFor = (t: Pick<BrowserThread, 'cls'>, cores: PinCores): number =>
  t.cls === 'workers' ? cores.engine : cores.page;

const run = (cmd: string, args: string[]): boolean => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const taskset = (args: string[]): boolean => run('taskset', args);

export interface PinStats {
  /** Engine threads at real-time priority (SCHED_RR 1), or normal priority, and why. */
  priority: 'real-time' | 'normal';
  priorityNote: string | null;
  passes: number;
  /** Threads moved to the engine core and to the page core (a thread moved twice counts twice). */
  movedToEngine: number;
  movedToPage: number;
  /** Threads that ended before they could be moved. */
  gone: number;
  /** The longest pass after the first, ms (passes run in this process, on the page core). */
  longestPassMs: number;
}

export class Pinning {
  private readonly placed = new Map<string, number>();
  private timer: ReturnType<typeof setInterval> | null = null;
  readonly stats: PinStats;

  constructor(
    readonly cores: PinCores,
    realTime: boolean,
    private readonly intervalMs = 250,
  ) {
    this.stats = {
      priority: realTime ? 'real-time' : 'normal',
      priorityNote: realTime ? null : 'TANDEM_BENCH_PIN_PRIORITY=normal',
      passes: 0,
      movedToEngine: 0,
      movedToPage: 0,
      gone: 0,
      longestPassMs: 0,
    };
  }

  /** Real-time round-robin priority 1 for an engine thread; normal priority if the system refuses it. */
  private raise(tid: number): void {
    if (this.stats.priority !== 'real-time' || run('chrt', ['-r', '-p', '1', String(tid)])) return;
    this.stats.priority = 'normal';
    this.stats.priorityNote =
      'chrt -r was refused (no CAP_SYS_NICE?): engine threads kept at normal priority';
  }

  start(): void {
    taskset(['-a', '-p', '-c', String(this.cores.page), String(process.pid)]);
    // Every thread of every browser process to the page core at once, then the engine workers to theirs.
    const threads = browserThreads();
    for (const pid of new Set(threads.map((t) => t.pid))) {
      if (!taskset(['-a', '-p', '-c', String(this.cores.page), String(pid)])) continue;
      for (const t of threads) if (t.pid === pid) this.placed.set(`${t.pid}/${t.tid}`, this.cores.page);
    }
    this.pass();
    this.stats.longestPassMs = 0;
    this.timer = setInterval(() => this.pass(), this.intervalMs);
  }

  /** Moves every browser thread that is not yet on its core. */
  pass(): void {
    const t0 = performance.now();
    for (const t of browserThreads()) {
      const key = `${t.pid}/${t.tid}`;
      const core = coreFor(t, this.cores);
      if (this.placed.get(key) === core) continue;
      if (!taskset(['-p', '-c', String(core), String(t.tid)])) {
        this.stats.gone++;
        continue;
      }
      this.placed.set(key, core);
      if (core === this.cores.engine) {
        this.stats.movedToEngine++;
        this.raise(t.tid);
      } else this.stats.movedToPage++;
    }
    this.stats.passes++;
    this.stats.longestPassMs = Math.max(this.stats.longestPassMs, Math.round(performance.now() - t0));
  }

  /** Stops following new threads and gives every browser thread and this process all cores again. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const threads = browserThreads();
    for (const t of threads) if (t.cls === 'workers') run('chrt', ['-o', '-p', '0', String(t.tid)]);
    for (const pid of new Set(threads.map((t) => t.pid)))
      taskset(['-a', '-p', '-c', this.cores.all, String(pid)]);
    taskset(['-a', '-p', '-c', this.cores.all, String(process.pid)]);
    this.placed.clear();
  }
}
