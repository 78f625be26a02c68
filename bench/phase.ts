/**
 * One overhead phase: the app and the bare engine take turns (app, bare, app, bare …) on the same model,
 * prompt and sampling; warm-up pairs first, then the measured ones.
 */
import { loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import type { ChatMessage, Sampling } from '../src/engine/types';
import { clearChats, sendAndCollect, type PaneName } from './app-driver';
import { addCpuBetween, cpuPer, cpuSnapshot, engineWaitBetween, noCpu } from './cpu-threads';
import { PROMPT, RUNS, WARMUP_RUNS } from './config';
import { runHarness } from './harness-driver';
import { MainThreadMeter } from './main-thread';
import type { Pinning } from './pin';
import type { PhaseReport, RunRecord } from './report';
import { ratio, ratioInterval, runRate, summarize, turnSample, type TurnSample } from './stats';

export interface BareInput {
  messages: ChatMessage[];
  sampling: Sampling;
}

export interface Phase {
  app: Page;
  bare: Page;
  meter: MainThreadMeter;
  panes: PaneName[];
  /** The app's max_tokens: every run must stream exactly this many tokens. */
  maxTokens: number;
  /** Sets up the bare side once the app's first run has shown what it sends. */
  prepareBare: () => Promise<BareInput>;
  log: (line: string) => void;
  /** Engine workers on a core of their own (bench/pin.ts); threads are placed again before every run. */
  pinning?: Pinning;
}

/** A run is comparable only if it streamed exactly max_tokens and was cut there. */
function checked(samples: TurnSample[], what: string, maxTokens: number): TurnSample[] {
  for (const s of samples)
    if (s.tokens !== maxTokens || s.finishReason !== 'length')
      throw new Error(
        `${what}: ${s.tokens} tokens, finish "${s.finishReason}" (expected ${maxTokens}, "length")`,
      );
  return samples;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const fmt = (x: number | null): string => (x === null ? '—' : x.toFixed(1).padStart(6));
const pct = (x: number): string => `${Math.round(x * 100)} %`;

export async function runPhase({
  app,
  bare,
  meter,
  panes,
  maxTokens,
  prepareBare,
  log,
  pinning,
}: Phase): Promise<PhaseReport> {
  const runs: RunRecord[] = [];
  let bareInput: BareInput | null = null;
  const label = panes.length === 1 ? 'one pane ' : 'two panes';
  const cpu = { app: noCpu(), bare: noCpu() };
  const wallS = { app: 0, bare: 0 };
  const waitS = { app: 0, bare: 0 };
  let measuredRuns = 0;
  for (let i = 0; i < WARMUP_RUNS + RUNS; i++) {
    const warmup = i < WARMUP_RUNS;
    const load1 = loadavg()[0] ?? null;
    pinning?.pass();
    const before = await meter.read();
    const appCpu = cpuSnapshot();
    const appTurns = await sendAndCollect(app, PROMPT, panes);
    const appCpuEnd = cpuSnapshot();
    const mainThread = MainThreadMeter.between(before, await meter.read());
    await clearChats(app, panes);
    bareInput ??= await prepareBare();
    pinning?.pass();
    const idleBefore = await meter.read();
    const bareCpu = cpuSnapshot();
    const bareTurns = await runHarness(bare, bareInput.messages, bareInput.sampling);
    const bareCpuEnd = cpuSnapshot();
    if (!warmup) {
      const appS = addCpuBetween(appCpu, appCpuEnd, cpu.app);
      wallS.bare += addCpuBetween(bareCpu, bareCpuEnd, cpu.bare);
      wallS.app += appS;
      waitS.app += engineWaitBetween(appCpu, appCpuEnd);
      waitS.bare += engineWaitBetween(bareCpu, bareCpuEnd);
      if (appS > 0) measuredRuns++;
    }
    const appPageIdle = MainThreadMeter.between(idleBefore, await meter.read());
    // Both sides must have done the same work: the same text, token for token.
    const texts = new Set([...appTurns.map((t) => t.text), ...bareTurns.map((t) => t.text)]);
    if (texts.size !== 1) throw new Error(`run ${i}: the app and the bare engine streamed different text`);
    const a = checked(
      appTurns.map((t) => turnSample(t, t.status)),
      `app run ${i}`,
      maxTokens,
    );
    const b = checked(
      bareTurns.map((t) => turnSample(t, t.finishReason)),
      `bare run ${i}`,
      maxTokens,
    );
    runs.push({
      side: 'app',
      index: i,
      warmup,
      load1,
      decodeTokensPerS: runRate(a),
      appMainThread: mainThread,
      turns: a,
    });
    runs.push({
      side: 'bare',
      index: i,
      warmup,
      load1,
      decodeTokensPerS: runRate(b),
      appMainThread: appPageIdle,
      turns: b,
    });
    log(
      `${label} ${warmup ? 'warm-up' : `run ${String(i - WARMUP_RUNS + 1).padEnd(3)}`}  app ${fmt(runRate(a))} tok/s` +
        `  bare ${fmt(runRate(b))} tok/s   app main thread ${pct(mainThread.busy)} busy (idle: ${pct(appPageIdle.busy)})` +
        `   load ${load1?.toFixed(1) ?? '?'}`,
    );
  }
  const measured = (side: 'app' | 'bare'): (number | null)[] =>
    runs.filter((r) => !r.warmup && r.side === side).map((r) => r.decodeTokensPerS);
  const appRates = measured('app');
  const bareRates = measured('bare');
  const busy = (side: 'app' | 'bare'): (number | null)[] =>
    runs.filter((r) => !r.warmup && r.side === side).map((r) => r.appMainThread.busy);
  return {
    panes: panes.length,
    app: summarize(appRates),
    bare: summarize(bareRates),
    pairedRatios: summarize(appRates.map((a, i) => ratio(a, bareRates[i] ?? null))),
    overheadInterval95: ratioInterval(appRates, bareRates),
    appMainThreadBusy: summarize(busy('app')),
    appMainThreadBusyWhileIdle: summarize(busy('bare')),
    cpu: {
      app: cpuPer(cpu.app, measuredRuns),
      bare: cpuPer(cpu.bare, measuredRuns),
      wallS: measuredRuns
        ? { app: round3(wallS.app / measuredRuns), bare: round3(wallS.bare / measuredRuns) }
        : null,
      engineWaitS: measuredRuns
        ? { app: round3(waitS.app / measuredRuns), bare: round3(waitS.bare / measuredRuns) }
        : null,
    },
    runs,
  };
}
