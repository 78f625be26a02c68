/** The shape of bench-report.json, and the targets each figure is judged against. */
import type { BundleReport } from './bundle';
import type { CpuByClass } from './cpu-threads';
import type { MainThreadUse } from './main-thread';
import type { LongFrame, LongTask } from './probes';
import type { Summary, TurnSample } from './stats';
import { TARGETS } from './config';

export interface RunRecord {
  side: 'app' | 'bare';
  /** 0 is the discarded warm-up run; pairs (app i, bare i) ran back to back. */
  index: number;
  warmup: boolean;
  /** The host's 1-minute load average when the pair started (other processes share the CPU). */
  load1: number | null;
  /** Mean decode rate over the run's panes. */
  decodeTokensPerS: number | null;
  /**
   * The app page's main thread over this run: for app runs from Send to the saved reply, for bare runs
   * while the app page sat idle (work it does then would slow the bare engine and flatter the overhead).
   */
  appMainThread: MainThreadUse;
  turns: TurnSample[];
}

export interface PhaseReport {
  panes: number;
  app: Summary;
  bare: Summary;
  /** app ÷ bare for each back-to-back pair. */
  pairedRatios: Summary;
  /** 95 % bootstrap interval of the overhead (median app ÷ median bare), resampling the pairs. */
  overheadInterval95: [number, number] | null;
  /** Fraction of wall time the app page's main thread was busy during app runs, and during bare runs. */
  appMainThreadBusy: Summary;
  appMainThreadBusyWhileIdle: Summary;
  /**
   * The whole browser's CPU by thread class, in core-seconds per measured run: the same tokens streamed
   * through the app and through the bare engine; null off Linux.
   */
  cpu: { app: CpuByClass | null; bare: CpuByClass | null };
  runs: RunRecord[];
}

export interface TargetResult {
  name: string;
  target: string;
  value: number | null;
  pass: boolean;
}

/** Median app decode rate ÷ median bare-engine decode rate, and the median of the paired ratios. */
export interface OverheadFigures {
  onePane: number | null;
  twoPanes: number | null;
  pairedMedianOnePane: number | null;
  pairedMedianTwoPanes: number | null;
}

export interface BenchPhases {
  onePane: PhaseReport;
  twoPanes: PhaseReport;
}

export interface BenchReport {
  schema: 2;
  generatedAt: string;
  durationS: number;
  machine: Record<string, unknown>;
  config: Record<string, unknown>;
  /**
   * On the paced model (real work per token, ~60 tok/s here), and under `flatOut` on the tiny model at
   * ~1000 tok/s, where each token costs the engine ~1 ms and the page draws every frame.
   */
  overhead: OverheadFigures & { flatOut: OverheadFigures };
  decode: BenchPhases & { flatOut: BenchPhases };
  longTasks: {
    count: number;
    maxMs: number;
    totalMs: number;
    supported: boolean;
    entries: LongTask[];
    /** Long animation frames in the same window, with the scripts that ran in them. */
    animationFrames: LongFrame[];
  };
  /** Frames per second in the app page while both panes stream. */
  fps: number | null;
  frames: {
    windowMs: number;
    count: number;
    intervalMs: Summary;
    idleFps: number | null;
    /** rAF timestamps (ms from the window start). */
    timestampsMs: number[];
  };
  streaming: {
    /** Each pane's tokens/s inside the window, and whether it was still streaming when the window ended. */
    panes: {
      pane: string;
      tokensPerS: number | null;
      streamedThroughWindow: boolean;
      finishReason: string;
    }[];
    pageVisibility: string;
    mainThread: MainThreadUse;
    /** The whole browser's CPU by thread class over the window (cores busy); null off Linux. */
    cpu: CpuByClass | null;
  };
  bundle: BundleReport & { sameAsProductionBuild: boolean | null };
  offsiteRequests: string[];
  targets: TargetResult[];
}

export function evaluateTargets(r: Omit<BenchReport, 'targets'>): TargetResult[] {
  const atLeast = (name: string, value: number | null, min: number, unit = ''): TargetResult => ({
    name,
    target: `≥ ${min}${unit}`,
    value,
    pass: value !== null && value >= min,
  });
  return [
    atLeast('overhead, one pane (paced model)', r.overhead.onePane, TARGETS.overhead),
    atLeast('overhead, two panes (paced model)', r.overhead.twoPanes, TARGETS.overhead),
    atLeast('overhead, one pane (tiny model flat out)', r.overhead.flatOut.onePane, TARGETS.overhead),
    atLeast('overhead, two panes (tiny model flat out)', r.overhead.flatOut.twoPanes, TARGETS.overhead),
    {
      name: `long tasks > ${TARGETS.longTaskMs} ms while two panes stream`,
      target: '0',
      value: r.longTasks.count,
      pass: r.longTasks.supported && r.longTasks.count === 0 && r.longTasks.maxMs <= TARGETS.longTaskMs,
    },
    atLeast('frame rate while two panes stream', r.fps, TARGETS.fps, ' fps'),
    {
      name: 'up-front JS, gzip',
      target: `≤ ${TARGETS.upFrontJsGzipBytes / 1024} KB`,
      value: r.bundle.upFrontJsGzipBytes,
      pass: r.bundle.upFrontJsGzipBytes <= TARGETS.upFrontJsGzipBytes,
    },
  ];
}
