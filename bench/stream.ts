/**
 * Frame rate and long tasks while both panes stream, cut to the part of the window in which both were
 * still streaming (a fast machine can fill the model's context before the window ends).
 */
import type { SavedTurnSample } from './app-driver';
import type { CpuByClass } from './cpu-threads';
import type { MainThreadUse } from './main-thread';
import type { WindowSample } from './probes';
import type { BenchReport } from './report';
import { rateInWindow, summarize } from './stats';

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export function streamFigures(
  win: WindowSample & { timeOrigin: number },
  idle: WindowSample,
  streamed: SavedTurnSample[],
  mainThread: MainThreadUse,
  longTasksSupported: boolean,
  cpu: CpuByClass | null,
): Pick<BenchReport, 'longTasks' | 'fps' | 'frames' | 'streaming'> {
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
  };
}
