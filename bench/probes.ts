/**
 * Injected into the app page before its own scripts (page.addInitScript): long-task and long-animation-
 * frame observers from the start, and a requestAnimationFrame counter that runs only inside a measuring
 * window (a frame loop left running would make the page render every frame and cost the app time in the
 * overhead runs).
 */

export interface LongTask {
  startTime: number;
  duration: number;
  name: string;
}

/** A long animation frame (> 50 ms) and the scripts that ran in it: what the long tasks were doing. */
export interface LongFrame {
  startTime: number;
  duration: number;
  blockingDuration: number;
  /** Time spent rendering (style, layout, paint) at the end of the frame. */
  renderMs: number;
  scripts: { invoker: string; source: string; duration: number }[];
}

export interface WindowSample {
  /** performance.now() at the start and end of the window. */
  start: number;
  end: number;
  /** rAF timestamps inside the window. */
  frames: number[];
  /** Long tasks and long animation frames that overlap the window. */
  longTasks: LongTask[];
  longFrames: LongFrame[];
  visibility: DocumentVisibilityState;
}

export interface Probe {
  /** Counts frames for `ms` milliseconds and returns what happened in that window. */
  measure(ms: number): Promise<WindowSample>;
  longTasksSupported: boolean;
}

declare global {
  interface Window {
    tandemProbe?: Probe;
  }
}

/** Self-contained: Playwright sends its source to the page. */
export function installProbe(): void {
  interface ScriptTiming {
    invoker: string;
    sourceURL: string;
    sourceFunctionName: string;
    duration: number;
  }
  interface FrameTiming extends PerformanceEntry {
    blockingDuration: number;
    renderStart: number;
    scripts: ScriptTiming[];
  }
  const longTasks: LongTask[] = [];
  const longFrames: LongFrame[] = [];
  const keep = (entries: PerformanceEntryList): void => {
    for (const e of entries) {
      if (e.entryType === 'longtask')
        longTasks.push({ startTime: e.startTime, duration: e.duration, name: e.name });
      else {
        const f = e as FrameTiming;
        longFrames.push({
          startTime: f.startTime,
          duration: f.duration,
          blockingDuration: f.blockingDuration,
          renderMs: f.renderStart > 0 ? f.startTime + f.duration - f.renderStart : 0,
          scripts: f.scripts.map((s) => ({
            invoker: s.invoker,
            source: `${s.sourceFunctionName || '(anonymous)'} ${s.sourceURL.replace(location.origin, '')}`,
            duration: s.duration,
          })),
        });
      }
    }
  };
  const types = PerformanceObserver.supportedEntryTypes;
  const observers = ['longtask', 'long-animation-frame']
    .filter((t) => types.includes(t))
    .map((type) => {
      const o = new PerformanceObserver((list) => keep(list.getEntries()));
      o.observe({ type, buffered: true });
      return o;
    });
  const overlaps =
    (start: number, end: number) =>
    (e: { startTime: number; duration: number }): boolean =>
      e.startTime + e.duration >= start && e.startTime <= end;
  window.tandemProbe = {
    longTasksSupported: types.includes('longtask'),
    measure(ms: number) {
      return new Promise((resolve) => {
        const frames: number[] = [];
        const start = performance.now();
        const tick = (t: number): void => {
          if (performance.now() - start >= ms) {
            const end = performance.now();
            // Entries not yet handed to the callbacks (a long task that just ended).
            for (const o of observers) keep(o.takeRecords());
            resolve({
              start,
              end,
              frames: frames.filter((f) => f >= start && f <= end),
              longTasks: longTasks.filter(overlaps(start, end)),
              longFrames: longFrames.filter(overlaps(start, end)),
              visibility: document.visibilityState,
            });
            return;
          }
          frames.push(t);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },
  };
}
