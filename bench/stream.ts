/**
 * Frame rate and long tasks while both panes stream, cut to the part of the window in which both were
 * still streaming (a fast machine can fill the model's context before the window ends).
 */
import type { Page } from '@playwright/test';
import {
  collectLastTurns,
  setSharedMaxTokens,
  startStreaming,
  stopAll,
  type SavedTurnSample,
} from './app-driver';
import { PROMPT, STREAM_MS } from './config';
import { addCpuBetween, cpuPer, cpuSnapshot, noCpu, type CpuByClass } from './cpu-threads';
import { MainThreadMeter, type MainThreadUse } from './main-thread';
import type { WindowSample } from './probes';
import { PageProfiler, type HotFunction } from './profile';
import type { StreamWindow } from './report';
import { rateInWindow, summarize } from './stats';

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export function streamFigures(
  win: WindowSample & { timeOrigin: number },
  idle: WindowSample,
  streamed: SavedTurnSample[],
  mainThread: MainThreadUse,
  longTasksSupported: boolean,
  cpu: CpuByClass | null,
  hot: HotFunction[] | null = null,
): StreamWindow {
  const lastTokens = streamed.map((t) => (t.tokenTimes.at(-1) ?? -Infinity) - win.timeOrigin);
  const end = Math.min(win.end, ...lastTokens);
  const { start } = win;
  const inside = (e: { startTime: number }): boolean => e.startTime <= end;
  const frames = win.frames.filter((f) => f <= end);
  const longTasks = win.longTasks.filter(inside);
  const longFrames = win.longFrames.filter(inside);
  const intervals = frames.slice(1).map((f, i) => f - (frames[i] ?? f));
  const durations = longTasks.map((l) => l.duration);
  const fps = (n: number, ms: number): number | null => (ms > 0 ? n / (ms / 1000) : null);
  return {
    longTasks: {
      count: longTasks.length,
      maxMs: durations.length ? Math.max(...durations) : 0,
      totalMs: durations.reduce((a, b) => a + b, 0),
      supported: longTasksSupported,
      entries: longTasks.map((l) => ({ ...l, startTime: round3(l.startTime - start) })),
      animationFrames: longFrames.map((f) => ({ ...f, startTime: round3(f.startTime - start) })),
    },
    fps: fps(frames.length, end - start),
    frames: {
      windowMs: round3(end - start),
      count: frames.length,
      intervalMs: summarize(intervals),
      idleFps: fps(idle.frames.length, idle.end - idle.start),
      timestampsMs: frames.map((f) => round3(f - start)),
    },
    streaming: {
      panes: streamed.map((t, i) => ({
        pane: i === 0 ? 'A' : 'B',
        tokensPerS: rateInWindow(t.tokenTimes, win.timeOrigin + start, win.timeOrigin + end),
        streamedThroughWindow: (t.tokenTimes.at(-1) ?? -Infinity) - win.timeOrigin >= win.end,
        finishReason: t.status,
      })),
      pageVisibility: win.visibility,
      mainThread,
      cpu,
    },
    hotFunctions: hot,
  };
}

/** Far more than the stream window can use: the looping model streams until Stop all. */
const ENDLESS = 100_000;
const IDLE_MS = 2000;

async function measureWindow(page: Page, ms: number): Promise<WindowSample & { timeOrigin: number }> {
  return page.evaluate(async (d) => {
    const probe = window.tandemProbe;
    if (!probe) throw new Error('the frame probe was not injected');
    return { ...(await probe.measure(d)), timeOrigin: performance.timeOrigin };
  }, ms);
}

/**
 * The demo case: both panes (the tiny model loaded in each) streaming as fast as they go while someone
 * watches the live charts; frames, long tasks, main-thread use and CPU by thread class over STREAM_MS.
 */
export async function measureStream(app: Page, log: (s: string) => void): Promise<StreamWindow> {
  const meter = await MainThreadMeter.attach(app);
  await app.bringToFront();
  const idle = await measureWindow(app, IDLE_MS);
  await setSharedMaxTokens(app, ENDLESS);
  await startStreaming(app, PROMPT, ['A', 'B']);
  // Charts out of view cost nothing: the window is measured with them in view.
  await app.getByRole('region', { name: 'Telemetry' }).scrollIntoViewIfNeeded();
  log(
    `stream: both panes streaming, charts in view; counting frames and long tasks for ${STREAM_MS / 1000} s`,
  );
  const before = await meter.read();
  const cpuBefore = cpuSnapshot();
  const profiler = await PageProfiler.start(app, 'stream');
  const win = await measureWindow(app, STREAM_MS);
  const hot = (await profiler?.stop()) ?? null;
  const cpuAfter = cpuSnapshot();
  const mainThread = MainThreadMeter.between(before, await meter.read());
  const cpu = noCpu();
  const cpuS = addCpuBetween(cpuBefore, cpuAfter, cpu);
  await stopAll(app);
  const streamed = await collectLastTurns(app, ['A', 'B']);
  const supported = await app.evaluate(() => window.tandemProbe?.longTasksSupported ?? false);
  await meter.detach();
  return streamFigures(win, idle, streamed, mainThread, supported, cpuPer(cpu, cpuS), hot);
}
