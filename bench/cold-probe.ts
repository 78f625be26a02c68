/**
 * Injected into every cold-start page before its own scripts (context.addInitScript), the same for all three
 * sites: paint, largest-contentful-paint, long-task and long-animation-frame observers (buffered), and a
 * frame sampler that records, at each animation frame until the first contentful paint (and, for Tandem,
 * until its real UI is on screen), whether the UI asked for is in the page and laid out in the first view.
 * A rAF callback runs in the frame's rendering step, just before style, layout and paint, so the last sample
 * taken before the first paint's paint time is what that paint showed.
 */

/** What must be on screen for "the real UI", found by role and accessible name as a person would. */
export interface UiSpec {
  heading: string;
  regions: string[];
  textbox: string;
}

export interface UiSample {
  /** performance.now() inside the frame's rAF callback. */
  at: number;
  heading: boolean;
  regions: number;
  textbox: boolean;
  /** All of the above present, with a box inside the first view. */
  complete: boolean;
}

export interface ColdEntry {
  startTime: number;
  duration: number;
}

export interface ColdLongFrame extends ColdEntry {
  blockingDuration: number;
  scripts: { invoker: string; source: string; duration: number }[];
}

export interface LcpEntry {
  startTime: number;
  size: number;
  element: string;
}

export interface ColdProbeState {
  fcp: { startTime: number; paintTime: number | null } | null;
  lcp: LcpEntry | null;
  longTasks: ColdEntry[];
  longFrames: ColdLongFrame[];
  samples: UiSample[];
}

declare global {
  interface Window {
    tandemColdProbe?: ColdProbeState;
  }
}

/** Self-contained: Playwright sends its source to the page. */
export function installColdProbe(ui: UiSpec | null): void {
  interface PaintTiming extends PerformanceEntry {
    paintTime?: number;
  }
  interface Lcp extends PerformanceEntry {
    size: number;
    element: Element | null;
    url: string;
  }
  interface FrameTiming extends PerformanceEntry {
    blockingDuration: number;
    scripts: { invoker: string; sourceURL: string; sourceFunctionName: string; duration: number }[];
  }
  const state: ColdProbeState = { fcp: null, lcp: null, longTasks: [], longFrames: [], samples: [] };
  window.tandemColdProbe = state;
  const describe = (e: Element | null, url: string): string => {
    if (!e) return '(removed)';
    const id = e.id ? `#${e.id}` : '';
    const cls =
      typeof e.className === 'string' && e.className ? `.${e.className.split(/\s+/).join('.')}` : '';
    const text = (e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return `${e.tagName.toLowerCase()}${id}${cls}${url ? ` ${url.replace(location.origin, '')}` : ''}${text ? ` "${text}"` : ''}`;
  };
  const observe = (type: string, take: (e: PerformanceEntry) => void): void => {
    if (!PerformanceObserver.supportedEntryTypes.includes(type)) return;
    new PerformanceObserver((list) => list.getEntries().forEach(take)).observe({ type, buffered: true });
  };
  observe('paint', (e) => {
    if (e.name === 'first-contentful-paint')
      state.fcp = { startTime: e.startTime, paintTime: (e as PaintTiming).paintTime ?? null };
  });
  observe('largest-contentful-paint', (e) => {
    const l = e as Lcp;
    state.lcp = { startTime: l.startTime, size: l.size, element: describe(l.element, l.url) };
  });
  observe('longtask', (e) => state.longTasks.push({ startTime: e.startTime, duration: e.duration }));
  observe('long-animation-frame', (e) => {
    const f = e as FrameTiming;
    state.longFrames.push({
      startTime: f.startTime,
      duration: f.duration,
      blockingDuration: f.blockingDuration,
      scripts: f.scripts.map((s) => ({
        invoker: s.invoker,
        source: `${s.sourceFunctionName || '(anonymous)'} ${s.sourceURL.replace(location.origin, '')}`,
        duration: s.duration,
      })),
    });
  });

  const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
  const nameOf = (e: Element): string => {
    const label = e.getAttribute('aria-label');
    if (label) return norm(label);
    const by = e.getAttribute('aria-labelledby');
    if (by)
      return norm(
        by
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent)
          .join(' '),
      );
    if (e.id) {
      const forIt = document.querySelector(`label[for="${CSS.escape(e.id)}"]`);
      if (forIt) return norm(forIt.textContent);
    }
    return norm(e.closest('label')?.textContent);
  };
  const inView = (e: Element): boolean => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.top < innerHeight && r.bottom > 0;
  };
  const sample = (): UiSample => {
    const at = performance.now();
    if (!ui) return { at, heading: false, regions: 0, textbox: false, complete: false };
    const heading = [...document.querySelectorAll('h1')].find((h) => norm(h.textContent) === ui.heading);
    const regions = [
      ...document.querySelectorAll('section[aria-label], section[aria-labelledby], [role="region"]'),
    ].filter((r) => ui.regions.includes(nameOf(r)));
    const textbox = [...document.querySelectorAll('textarea, input[type="text"], [role="textbox"]')].find(
      (t) => nameOf(t) === ui.textbox,
    );
    const present = heading !== undefined && textbox !== undefined && regions.length === ui.regions.length;
    return {
      at,
      heading: heading !== undefined,
      regions: regions.length,
      textbox: textbox !== undefined,
      complete: present && [heading, textbox, ...regions].every(inView),
    };
  };
  const started = performance.now();
  const frame = (): void => {
    const s = sample();
    state.samples.push(s);
    const done = state.fcp !== null && (!ui || s.complete);
    if (!done && performance.now() - started < 20_000) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}
