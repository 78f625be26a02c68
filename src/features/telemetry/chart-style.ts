/** Colours, dash patterns and labels shared by the charts (explicit values so PNG exports keep them). */
import type { PaneId } from '../../store/types';

export const PANE_COLOR: Record<PaneId, string> = { a: '#3b6fd8', b: '#c8610f' };
/** Pane B is also dashed, so the two series differ without colour. */
export const PANE_DASH: Record<PaneId, string | undefined> = { a: undefined, b: '6 3' };
export const AXIS_COLOR = '#777';
export const CHART_HEIGHT = 220;
export const CHART_MARGIN = { top: 28, right: 16, bottom: 24, left: 8 } as const;
export const GRID_COLOR = '#8883';

export function fixed(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits);
}

/** The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above x (an axis end that gives round ticks); 1 for x ≤ 0. */
export function niceCeil(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  return ([1, 2, 2.5, 5, 10].find((m) => m * p >= x * (1 - 1e-12)) ?? 10) * p;
}

/** Six round ticks from 0 to a niceCeil end. */
export const fifths = (end: number): number[] => [0, 1, 2, 3, 4, 5].map((i) => (i * end) / 5);

/** Tick text without float noise (0.30000000000000004 → 0.3). */
export const tick = (v: number): string => String(Number(v.toPrecision(6)));

/**
 * Chart rows as the canvas chart's columns: x from `xKey`, then one array per key, aligned with x (null where
 * a row has no value for that key).
 */
export function columns<R extends object>(
  rows: readonly R[],
  xKey: keyof R,
  keys: readonly (keyof R)[],
): { x: number[]; ys: (number | null)[][] } {
  const value = (r: R, k: keyof R): number | null => {
    const v = r[k];
    return typeof v === 'number' ? v : null;
  };
  return {
    x: rows.map((r) => value(r, xKey) ?? NaN),
    ys: keys.map((k) => rows.map((r) => value(r, k))),
  };
}

/** The end of the y axis: round, above every value and the reference line; 1 when there is nothing. */
export function yEnd(ys: readonly (readonly (number | null)[])[], reference: number | null): number {
  let max = reference ?? 0;
  for (const line of ys) for (const v of line) if (v !== null && v > max) max = v;
  return niceCeil(max);
}

/** Ticks at whole turns 1…n, thinned to at most ten. */
export function turnTicks(n: number): number[] {
  const step = Math.max(1, Math.ceil(n / 10));
  const out: number[] = [];
  for (let t = 1; t <= n; t += step) out.push(t);
  return out;
}

/** The read-out for the data point at index i: "1.20 s: Pane A 55.1 tok/s · Pane B —" ("turn 2: …" for bars). */
export function readout(
  spec: { lines: readonly { label: string }[]; unit: string; bars?: boolean },
  data: readonly (ArrayLike<number | null | undefined> | undefined)[],
  i: number,
): string {
  const x = data[0]?.[i];
  if (typeof x !== 'number') return '';
  const values = spec.lines.map((l, j) => {
    const v = data[j + 1]?.[i];
    return `${l.label} ${typeof v === 'number' ? `${v.toFixed(1)} ${spec.unit}` : '—'}`;
  });
  return `${spec.bars ? `turn ${x}` : `${x.toFixed(2)} s`}: ${values.join(' · ')}`;
}
