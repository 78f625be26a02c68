/**
 * Where the machine's CPU went, by Chromium thread, from Linux's per-thread counters (/proc/<pid>/task/*
 * /stat): the engine workers against the page's main thread, its compositor and raster threads and the GPU
 * process's display compositor (software on SwiftShader). On other systems the figures are null.
 */
import { readdirSync, readFileSync } from 'node:fs';

export const THREAD_CLASSES = ['workers', 'rendererMain', 'compositorRaster', 'gpuProcess', 'other'] as const;
export type ThreadClass = (typeof THREAD_CLASSES)[number];

/** CPU time per thread class: core-seconds, or core-seconds per second of wall time (1 = one core busy). */
export type CpuByClass = Record<ThreadClass, number>;

export interface CpuSnapshot {
  at: number;
  /** Clock ticks used so far, per "pid/tid" with its class, and (engine workers) ns spent waiting for a core. */
  ticks: Map<string, { cls: ThreadClass; ticks: number; waitNs: number }>;
}

/** Linux reports thread CPU time in USER_HZ ticks, 100 a second on every mainstream kernel. */
const TICKS_PER_S = 100;

export function classify(processType: string, thread: string): ThreadClass {
  if (thread.startsWith('DedicatedWorker')) return 'workers';
  if (processType === 'gpu-process') return 'gpuProcess';
  if (processType !== 'renderer') return 'other';
  if (thread === 'chromium' || thread === 'CrRendererMain') return 'rendererMain';
  if (/^(Compositor|ThreadPoolForeg|CompositorTileW)/.test(thread)) return 'compositorRaster';
  return 'other';
}

const read = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process or thread has gone
  }
};

export interface BrowserThread {
  pid: number;
  tid: number;
  cls: ThreadClass;
  /** Clock ticks used so far (user + system). */
  ticks: number;
  /** Engine workers only (else 0): ns spent runnable but waiting for a core (/proc/…/schedstat). */
  waitNs: number;
}

/** Every thread of every Chromium process on this machine, classified; empty off Linux. */
export function browserThreads(): BrowserThread[] {
  if (process.platform !== 'linux') return [];
  const threads: BrowserThread[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    if (!/chrom/i.test(read(`/proc/${pid}/comm`) ?? '')) continue;
    const type = /--type=([\w-]+)/.exec(read(`/proc/${pid}/cmdline`) ?? '')?.[1] ?? 'browser';
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      const stat = read(`/proc/${pid}/task/${tid}/stat`);
      if (!stat) continue;
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      // After "(name) ": state, then utime and stime are the 12th and 13th fields.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cls = classify(type, name);
      const sched = cls === 'workers' ? read(`/proc/${pid}/task/${tid}/schedstat`) : null;
      threads.push({
        pid: Number(pid),
        tid: Number(tid),
        cls,
        ticks: Number(fields[11]) + Number(fields[12]),
        waitNs: Number(sched?.split(' ')[1] ?? 0) || 0,
      });
    }
  }
  return threads;
}

export function cpuSnapshot(): CpuSnapshot | null {
  if (process.platform !== 'linux') return null;
  const ticks: CpuSnapshot['ticks'] = new Map();
  for (const t of browserThreads())
    ticks.set(`${t.pid}/${t.tid}`, { cls: t.cls, ticks: t.ticks, waitNs: t.waitNs });
  return { at: Date.now(), ticks };
}

/** Adds the CPU used between two snapshots into `into` (core-seconds) and returns the wall seconds. */
export function addCpuBetween(a: CpuSnapshot | null, b: CpuSnapshot | null, into: CpuByClass): number {
  if (!a || !b) return 0;
  for (const [key, { cls, ticks }] of b.ticks) {
    const before = a.ticks.get(key)?.ticks ?? 0;
    into[cls] += Math.max(0, ticks - before) / TICKS_PER_S;
  }
  return (b.at - a.at) / 1000;
}

/**
 * Seconds the engine worker threads spent runnable but not running between two snapshots: time they waited
 * for a core (taken by other threads of the browser, or by other processes on the machine).
 */
export function engineWaitBetween(a: CpuSnapshot | null, b: CpuSnapshot | null): number {
  if (!a || !b) return 0;
  let ns = 0;
  for (const [key, t] of b.ticks)
    if (t.cls === 'workers') ns += Math.max(0, t.waitNs - (a.ticks.get(key)?.waitNs ?? 0));
  return ns / 1e9;
}

export const noCpu = (): CpuByClass => Object.fromEntries(THREAD_CLASSES.map((k) => [k, 0])) as CpuByClass;

/** `total` divided by `n` (wall seconds, or runs), rounded; null when nothing was measured. */
export function cpuPer(total: CpuByClass, n: number): CpuByClass | null {
  if (n <= 0) return null;
  const out = noCpu();
  for (const k of THREAD_CLASSES) out[k] = Math.round((total[k] / n) * 1000) / 1000;
  return out;
}
