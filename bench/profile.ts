/**
 * An optional CPU profile of the page's main thread over the stream window (TANDEM_BENCH_PROFILE=file):
 * the DevTools protocol's sampling profiler, written as a .cpuprofile (open it in Chrome's DevTools), and
 * summarised as the functions with the most self time, so the report can say what the page spent on.
 * TANDEM_BENCH_TRACE=file also records a Chromium trace of the same window (the DevTools timeline: style,
 * layout, paint and the compositor's work, which a JS profile shows only as "(program)").
 */
import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotFunction {
  /** Function name, file (last path part) and 1-based line:column. */
  where: string;
  selfMs: number;
}

/** Self time per function (summed over its nodes), most first; idle, program and GC kept by name. */
export function hotFunctions(profile: Profile, top = 15): HotFunction[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, i) => {
    const n = byNode.get(id);
    if (!n) return;
    const f = n.callFrame;
    const file = f.url.split('/').at(-1) ?? '';
    const where = file
      ? `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`
      : f.functionName || '(anonymous)';
    // A sample's time is the gap to the next one.
    self.set(where, (self.get(where) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  });
  return [...self.entries()]
    .map(([where, selfMs]) => ({ where, selfMs: Math.round(selfMs * 10) / 10 }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top);
}

export class PageProfiler {
  private constructor(
    private readonly cdp: CDPSession,
    private readonly file: string,
    private readonly page: Page,
    private readonly tracing: boolean,
  ) {}

  /**
   * Null unless TANDEM_BENCH_PROFILE names a file. `part` names the bench part: its profile and trace go to
   * the named files with "-<part>" before the extension.
   */
  static async start(page: Page, part: string): Promise<PageProfiler | null> {
    const named = (f: string | undefined): string | undefined =>
      f ? f.replace(/(\.[a-z]+)?$/i, (ext) => `-${part}${ext}`) : undefined;
    const file = named(process.env.TANDEM_BENCH_PROFILE);
    if (!file) return null;
    const trace = named(process.env.TANDEM_BENCH_TRACE);
    const browser = page.context().browser();
    if (trace && browser) {
      await browser.startTracing(page, {
        path: trace,
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'disabled-by-default-devtools.timeline.invalidationTracking',
          'toplevel',
          'cc',
          'viz',
        ],
      });
    }
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    return new PageProfiler(cdp, file, page, Boolean(trace && browser));
  }

  async stop(): Promise<HotFunction[]> {
    const { profile } = (await this.cdp.send('Profiler.stop')) as { profile: Profile };
    if (this.tracing) await this.page.context().browser()?.stopTracing();
    await this.cdp.detach();
    writeFileSync(this.file, JSON.stringify(profile));
    return hotFunctions(profile);
  }
}
