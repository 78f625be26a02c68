/** The shape of bench-report.json, and the targets each figure is judged against. */
import type { HotFunction } from './profile';
import type { BundleReport } from './bundle';
import type { CpuByClass } from './cpu-threads';
import type { ColdStartReport } from './cold-start';
import type { MainThreadUse } from './main-thread';
import type { PageCostReport } from './page-cost';
import type { PinStats } from './pin';
import type { LongFrame, LongTask } from './probes';
import type { Summary, TurnSample } from './stats';
import type { PhaseName } from './config';

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
  cpu: {
    app: CpuByClass | null;
    bare: CpuByClass | null;
    /** Mean wall seconds of a measured run, app (Send → reply saved) and bare, between the CPU readings. */
    wallS: { app: number; bare: number } | null;
    /**
     * Mean seconds a run the engine worker threads were runnable but waited for a core (summed over the
     * threads, /proc/…/schedstat): CPU contention, from the page's threads or from other processes.
     */
    engineWaitS: { app: number; bare: number } | null;
  };
  runs: RunRecord[];
}

/** Median app decode rate ÷ median bare-engine decode rate, and the median of the paired ratios. */
export interface OverheadFigures {
  onePane: number | null;
  twoPanes: number | null;
  pairedMedianOnePane: number | null;
  pairedMedianTwoPanes: number | null;
}

export interface PinnedOverhead extends OverheadFigures {
  onePaneInterval95: [number, number] | null;
  twoPanesInterval95: [number, number] | null;
  /** The engine workers' core and the core of every other browser thread (and of the bench process). */
  cores: { engine: number; page: number };
  pinning: PinStats;
}

export interface BenchPhases {
  onePane: PhaseReport | null;
  twoPanes: PhaseReport | null;
}

/** The way of counting the page's cost, from the two-pane paced overhead runs. */
export interface PerRunCost {
  /** Core-seconds a run of everything but the engine workers, through the app and bare. */
  appCoreS: number;
  bareCoreS: number;
  /** Median seconds from request to the last token of a two-pane app run. */
  streamS: number | null;
  /** (app − bare) ÷ streamS */
  addedCores: number | null;
}

export interface StreamWindow {
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
  /** The main thread's functions with the most self time (TANDEM_BENCH_PROFILE set), else null. */
  hotFunctions: HotFunction[] | null;
}

export interface BenchReport {
  schema: 3;
  generatedAt: string;
  durationS: number;
  /** The parts that ran (TANDEM_BENCH_PHASES); the figures of the others are null. */
  phases: PhaseName[];
  machine: Record<string, unknown>;
  config: Record<string, unknown>;
  /** Tandem and the two anchors loaded cold, side by side. */
  coldStart: ColdStartReport | null;
  /**
   * On the paced model (real work per token, ~60 tok/s here), under `flatOut` on the tiny model at
   * ~1000 tok/s, and under `pinned` on the paced model with the engine workers on a core of their own.
   */
  overhead: OverheadFigures & {
    flatOut: OverheadFigures;
    pinned: PinnedOverhead | { unavailable: string } | null;
  };
  decode: BenchPhases & { flatOut: BenchPhases; pinned: BenchPhases };
  /** What the page adds over the bare engine while two panes stream the paced model, charts in view. */
  pageCost: {
    /** The figure judged: with the engines on a core of their own (null when pinning cannot run here). */
    enginesPinned: PageCostReport | null;
    /** The same with the engines and the page sharing the cores. */
    sharedCores: PageCostReport;
    perRun: PerRunCost | null;
  } | null;
  /** Both panes streaming the tiny model flat out, charts in view: long tasks and frame rate. */
  stream: StreamWindow | null;
  bundle: BundleReport & { sameAsProductionBuild: boolean | null };
  offsiteRequests: string[];
  targets: TargetResult[];
}

export interface TargetResult {
  /** The four targets, and the earlier unpinned overhead targets kept for comparison. */
  group: 'cold start' | 'page cost' | 'pinned overhead' | 'smooth' | 'unpinned overhead (earlier targets)';
  name: string;
  target: string;
  value: number | null;
  unit: string;
  /** False when the part that measures it did not run (or could not run here). */
  ran: boolean;
  pass: boolean;
}
