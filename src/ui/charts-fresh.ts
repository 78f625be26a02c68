/**
 * Charts out of view are not redrawn (telemetry/use-sampled.ts). Whoever needs them current — the PNG
 * export, which may run from the tools drawer while the charts are below the fold — asks for one redraw
 * with this event and waits for it to paint.
 */
export const CHARTS_FRESH_EVENT = 'tandem:charts-fresh';

const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));

/** Makes every chart read the store now, then waits until that redraw has been committed and painted. */
export async function freshCharts(): Promise<void> {
  window.dispatchEvent(new Event(CHARTS_FRESH_EVENT));
  await frame();
  await frame();
}
