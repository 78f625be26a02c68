/**
 * The telemetry charts as one PNG: each `figure[data-chart]` (see telemetry/chart-figure.tsx) becomes a
 * panel — its caption, its plots' canvases where they sit on the page (telemetry/canvas-chart.tsx: axis
 * titles and reference lines are drawn on them, so they are copied as they are), and its legend (`[data-legend] li[data-color]`) — stacked top to bottom on a white background.
 */

import { freshCharts } from '../../ui/charts-fresh';

const PAD = 16;
const LINE = 18;
const FONT = '13px system-ui, sans-serif';
const BOLD = '600 14px system-ui, sans-serif';

interface Panel {
  title: string;
  legend: { label: string; color: string; dash: string }[];
  plots: { surface: HTMLCanvasElement; x: number; y: number; w: number; h: number }[];
  width: number;
  /** Height of the plots alone. */
  plotHeight: number;
  height: number;
}

function readPanel(fig: HTMLElement): Panel | null {
  const surfaces = [...fig.querySelectorAll<HTMLCanvasElement>('.uplot canvas')];
  if (surfaces.length === 0) return null;
  const rects = surfaces.map((s) => s.getBoundingClientRect());
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const plots = surfaces.map((surface, i) => {
    const r = rects[i] ?? new DOMRect();
    return { surface, x: r.left - left, y: r.top - top, w: Math.ceil(r.width), h: Math.ceil(r.height) };
  });
  const legend = [...fig.querySelectorAll<HTMLElement>('[data-legend] li[data-color]')].map((li) => ({
    label: li.textContent.trim(),
    color: li.dataset.color ?? '#000',
    dash: li.dataset.dash ?? '',
  }));
  const width = Math.max(...plots.map((p) => p.x + p.w));
  const plotHeight = Math.max(...plots.map((p) => p.y + p.h));
  const title = fig.querySelector('figcaption strong')?.textContent ?? fig.dataset.chart ?? 'chart';
  return { title, legend, plots, width, plotHeight, height: LINE + plotHeight + (legend.length ? LINE : 0) };
}

function drawLegend(ctx: CanvasRenderingContext2D, legend: Panel['legend'], x0: number, y: number): void {
  let x = x0;
  ctx.font = FONT;
  for (const l of legend) {
    ctx.strokeStyle = l.color;
    ctx.lineWidth = 3;
    ctx.setLineDash(l.dash ? l.dash.split(/\s+/).map(Number) : []);
    ctx.beginPath();
    ctx.moveTo(x, y - 4);
    ctx.lineTo(x + 20, y - 4);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = '#222';
    ctx.fillText(l.label, x + 26, y);
    x += 26 + ctx.measureText(l.label).width + 18;
  }
}

/** Draws every chart under root onto one canvas; null when there is no chart to draw. */
export async function chartsToPng(root: ParentNode = document): Promise<Blob | null> {
  await freshCharts();
  const panels = [...root.querySelectorAll<HTMLElement>('figure[data-chart]')]
    .map(readPanel)
    .filter((p): p is Panel => p !== null);
  if (panels.length === 0) return null;
  const width = Math.max(...panels.map((p) => p.width)) + 2 * PAD;
  const height = panels.reduce((s, p) => s + p.height + PAD, PAD);
  const scale = Math.min(2, Math.max(1, window.devicePixelRatio || 1));
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on a canvas.');
  ctx.scale(scale, scale);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  let y = PAD;
  for (const p of panels) {
    ctx.fillStyle = '#222';
    ctx.font = BOLD;
    ctx.fillText(p.title, PAD, y + 13);
    for (const pl of p.plots) ctx.drawImage(pl.surface, PAD + pl.x, y + LINE + pl.y, pl.w, pl.h);
    drawLegend(ctx, p.legend, PAD, y + LINE + p.plotHeight + 13);
    y += p.height + PAD;
  }
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}
