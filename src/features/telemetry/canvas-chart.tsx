/**
 * A chart drawn on one canvas by uPlot: lines over time (live throughput, memory) or bars per turn (the
 * history). A redraw is one canvas pass of a few milliseconds, outside React: recharts rebuilt an SVG tree
 * through React for every redraw, 50–120 ms of main thread a time on this project's machine (bench
 * profile), which was most of the page's own cost while it streamed, and a long task at every turn's end.
 *
 * The data arrive as props; React re-renders this component only to hand them over (setData). The axis
 * titles, the reference line and its label are drawn on the same canvas, so the PNG export copies the
 * canvas as it is. Values under the pointer are written into a read-out line below the plot; the figure's
 * data table remains the accessible form.
 */
import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import {
  AXIS_COLOR,
  CHART_HEIGHT,
  CHART_MARGIN,
  fifths,
  GRID_COLOR,
  readout,
  tick,
  turnTicks,
  yEnd,
} from './chart-style';

export interface CanvasSeries {
  label: string;
  color: string;
  /** SVG-style dash pattern ("6 3"), as the legend uses. */
  dash?: string | undefined;
  width: number;
}

export interface ReferenceLine {
  y: number;
  color: string;
  dash: string;
  label: string;
}

export interface CanvasChartProps {
  /** The x values, ascending: seconds for lines, turn numbers (1, 2, …) for bars. */
  x: readonly number[];
  /** One array per line, aligned with x; null where that line has no value. */
  ys: readonly (readonly (number | null)[])[];
  lines: readonly CanvasSeries[];
  /** Lines: the x axis runs from 0 to xMax (a niceCeil end, so the ticks are round). Bars: the last turn. */
  xMax: number;
  /** Bars side by side at each x (the history) instead of lines over time. */
  bars?: boolean;
  xTitle: string;
  /** Written horizontally above the y axis: long unit-and-method titles do not fit rotated. */
  yTitle: string;
  /** The y values' unit, for the read-out under the pointer. */
  unit: string;
  reference?: ReferenceLine | null;
}

/** What the chart looks like; a change rebuilds it (rare: a model or blind mode changed). */
interface Spec {
  lines: readonly CanvasSeries[];
  bars: boolean;
  xTitle: string;
  yTitle: string;
  unit: string;
  reference: ReferenceLine | null;
}

const FONT_PX = 12;
const FONT = `${FONT_PX}px system-ui, sans-serif`;
const Y_AXIS_PX = 56;

const dashArray = (dash: string | undefined): number[] | undefined =>
  dash ? dash.trim().split(/\s+/).map(Number) : undefined;

let drawable: boolean | undefined;
/** Whether this browser gives a 2D canvas context (not in every test DOM, not with some privacy add-ons). */
function canDraw(): boolean {
  if (drawable === undefined) {
    try {
      drawable = document.createElement('canvas').getContext('2d') !== null;
    } catch {
      drawable = false;
    }
  }
  return drawable;
}

/** uPlot's bar paths (always in its build; optional in its types). */
const barPaths = uPlot.paths.bars;

const fewValues = (u: uPlot, seriesIdx: number): boolean => {
  let n = 0;
  for (const v of u.data[seriesIdx] ?? []) if (v !== null && v !== undefined && ++n >= 3) return false;
  return true;
};

function options(
  spec: Spec,
  width: number,
  limits: { current: { xMax: number; yMax: number } },
  shown: HTMLElement | null,
): uPlot.Options {
  const axis = {
    stroke: AXIS_COLOR,
    font: FONT,
    labelFont: FONT,
    grid: { stroke: GRID_COLOR, width: 1 },
    ticks: { stroke: GRID_COLOR, width: 1, size: 4 },
    values: (_u: uPlot, splits: number[]) => splits.map(tick),
  };
  const drawOverlay = (u: uPlot): void => {
    const r = uPlot.pxRatio;
    const { ctx, bbox } = u;
    ctx.save();
    ctx.font = `${Math.round(FONT_PX * r)}px system-ui, sans-serif`;
    ctx.fillStyle = AXIS_COLOR;
    ctx.textBaseline = 'alphabetic';
    ctx.textAlign = 'left';
    ctx.fillText(spec.yTitle, 4 * r, (CHART_MARGIN.top - 10) * r);
    const ref = spec.reference;
    if (ref) {
      const y = Math.round(u.valToPos(ref.y, 'y', true));
      ctx.strokeStyle = ref.color;
      ctx.lineWidth = 1.5 * r;
      ctx.setLineDash((dashArray(ref.dash) ?? []).map((d) => d * r));
      ctx.beginPath();
      ctx.moveTo(bbox.left, y);
      ctx.lineTo(bbox.left + bbox.width, y);
      ctx.stroke();
      ctx.fillStyle = ref.color;
      ctx.textAlign = 'right';
      ctx.fillText(ref.label, bbox.left + bbox.width - 4 * r, y - 4 * r);
    }
    ctx.restore();
  };
  return {
    width,
    height: CHART_HEIGHT,
    padding: [CHART_MARGIN.top, CHART_MARGIN.right, 0, CHART_MARGIN.left],
    legend: { show: false },
    cursor: { drag: { x: false, y: false, setScale: false }, points: { size: 7 } },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: {
      x: {
        time: false,
        // Bars: half a step of room either side of the first and last turn.
        range: () => (spec.bars ? [0.5, limits.current.xMax + 0.5] : [0, limits.current.xMax]),
      },
      y: { range: () => [0, limits.current.yMax] },
    },
    axes: [
      {
        ...axis,
        size: 26,
        label: spec.xTitle,
        labelSize: 16,
        labelGap: 0,
        splits: () => (spec.bars ? turnTicks(limits.current.xMax) : fifths(limits.current.xMax)),
      },
      { ...axis, size: Y_AXIS_PX, splits: () => fifths(limits.current.yMax) },
    ],
    series: [
      {},
      ...spec.lines.map((l, i) =>
        spec.bars
          ? {
              label: l.label,
              stroke: l.color,
              fill: l.color,
              width: 0,
              // The panes' bars side by side: the first left of the turn's tick, the second right of it.
              ...(barPaths ? { paths: barPaths({ size: [0.35, 48], align: i === 0 ? -1 : 1 }) } : {}),
              points: { show: false },
            }
          : {
              label: l.label,
              stroke: l.color,
              width: l.width,
              ...(l.dash ? { dash: dashArray(l.dash) } : {}),
              spanGaps: true,
              // Points too while a line has fewer than three values: one or two samples draw no visible line.
              points: { show: fewValues, size: 6, fill: l.color, stroke: l.color },
            },
      ),
    ],
    hooks: {
      draw: [drawOverlay],
      setCursor: [
        (u) => {
          if (!shown) return;
          const i = u.cursor.idx;
          shown.textContent = i === null || i === undefined ? '' : readout(spec, u.data, i);
        },
      ],
    },
  };
}

export function CanvasChart(props: CanvasChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const shown = useRef<HTMLParagraphElement>(null);
  const plot = useRef<uPlot | null>(null);
  const data = useRef<uPlot.AlignedData>([[]]);
  const limits = useRef({ xMax: 1, yMax: 1 });
  const { x, ys, xMax, reference } = props;
  const yMax = useMemo(() => yEnd(ys, reference?.y ?? null), [ys, reference?.y]);
  // The look as one string: the chart is rebuilt when it changes, not when only the data do.
  const spec = JSON.stringify({
    lines: props.lines,
    bars: props.bars ?? false,
    xTitle: props.xTitle,
    yTitle: props.yTitle,
    unit: props.unit,
    reference: reference ?? null,
  } satisfies Spec);
  const ok = canDraw();

  // Declared before the effect that builds the chart, so a new chart starts from the latest data.
  useEffect(() => {
    data.current = [x as number[], ...(ys as (number | null)[][])];
    limits.current = { xMax, yMax };
    plot.current?.setData(data.current);
  }, [x, ys, xMax, yMax]);

  useEffect(() => {
    const el = host.current;
    if (!el || !ok) return;
    const u = new uPlot(
      options(JSON.parse(spec) as Spec, el.clientWidth || 300, limits, shown.current),
      data.current,
      el,
    );
    plot.current = u;
    const resize =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            const w = el.clientWidth;
            if (w > 0 && w !== u.width) u.setSize({ width: w, height: CHART_HEIGHT });
          });
    resize?.observe(el);
    return () => {
      resize?.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [spec, ok]);

  if (!ok) {
    return (
      <p className="telemetry-empty">
        This browser cannot draw charts here; the numbers are in the data table.
      </p>
    );
  }
  return (
    <div className="telemetry-chart">
      <div className="telemetry-canvas" ref={host} />
      <p className="telemetry-readout" ref={shown} aria-hidden="true" />
    </div>
  );
}
