/**
 * How busy the app page's main thread was over a stretch of time, from Chromium's own counters
 * (DevTools protocol Performance.getMetrics): where the UI's cost goes when the engines slow down.
 */
import type { CDPSession, Page } from '@playwright/test';

export interface MainThreadUse {
  wallMs: number;
  /** All main-thread tasks, and the parts spent in script, layout and style. */
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  /** taskMs ÷ wallMs */
  busy: number;
}

type Counters = Record<string, number>;

export class MainThreadMeter {
  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<MainThreadMeter> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    return new MainThreadMeter(cdp);
  }

  async read(): Promise<Counters> {
    const { metrics } = await this.cdp.send('Performance.getMetrics');
    return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
  }

  /** The use between two readings (counters are in seconds). */
  static between(a: Counters, b: Counters): MainThreadUse {
    const d = (k: string): number => Math.round(((b[k] ?? 0) - (a[k] ?? 0)) * 1000 * 10) / 10;
    const wallMs = d('Timestamp');
    const taskMs = d('TaskDuration');
    return {
      wallMs,
      taskMs,
      scriptMs: d('ScriptDuration'),
      layoutMs: d('LayoutDuration'),
      styleMs: d('RecalcStyleDuration'),
      busy: wallMs > 0 ? Math.round((taskMs / wallMs) * 1000) / 1000 : 0,
    };
  }

  async detach(): Promise<void> {
    await this.cdp.detach();
  }
}
