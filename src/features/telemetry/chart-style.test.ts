import { describe, expect, it } from 'vitest';
import { columns, fixed, niceCeil, readout, tick, turnTicks, yEnd } from './chart-style';

describe('axis helpers', () => {
  it('rounds an axis end up to 1, 2, 2.5 or 5 × 10ⁿ', () => {
    expect([0.7, 1, 1.2, 2.2, 3, 4.8, 10.5, 26, 999].map(niceCeil)).toEqual([
      1, 1, 2, 2.5, 5, 5, 20, 50, 1000,
    ]);
    expect(niceCeil(0.03)).toBeCloseTo(0.05, 12);
    for (const bad of [0, -3, NaN, Infinity]) expect(niceCeil(bad)).toBe(1);
  });

  it('writes ticks and figures without float noise', () => {
    expect(tick(0.1 + 0.2)).toBe('0.3');
    expect(tick((3 * 2.5) / 5)).toBe('1.5');
    expect(fixed(null)).toBe('—');
    expect(fixed(NaN)).toBe('—');
    expect(fixed(12.346, 2)).toBe('12.35');
  });

  it('ends the y axis above every value and the reference line', () => {
    expect(
      yEnd(
        [
          [1, null, 42],
          [null, 7],
        ],
        null,
      ),
    ).toBe(50);
    expect(yEnd([[1, 2]], 2264)).toBe(2500);
    expect(yEnd([[], [null]], null)).toBe(1);
  });

  it('reads out every line at the pointer, a gap as a dash', () => {
    const spec = { lines: [{ label: 'Pane A' }, { label: 'Pane B' }], unit: 'tok/s' };
    const data = [
      [0.1, 0.2],
      [55.12, 60],
      [null, 48],
    ];
    expect(readout(spec, data, 0)).toBe('0.10 s: Pane A 55.1 tok/s · Pane B —');
    expect(readout(spec, data, 1)).toBe('0.20 s: Pane A 60.0 tok/s · Pane B 48.0 tok/s');
    expect(readout(spec, data, 5)).toBe('');
    expect(readout({ ...spec, unit: 'ms', bars: true }, [[2], [120], [95.5]], 0)).toBe(
      'turn 2: Pane A 120.0 ms · Pane B 95.5 ms',
    );
  });

  it('ticks whole turns, at most ten of them', () => {
    expect(turnTicks(1)).toEqual([1]);
    expect(turnTicks(4)).toEqual([1, 2, 3, 4]);
    expect(turnTicks(25)).toEqual([1, 4, 7, 10, 13, 16, 19, 22, 25]);
  });

  it('turns rows into aligned columns, a missing value as null', () => {
    const rows = [
      { tS: 0.1, a: 5 },
      { tS: 0.2, b: 7 },
      { tS: 0.3, a: 6, b: null },
    ];
    expect(columns(rows, 'tS', ['a', 'b'])).toEqual({
      x: [0.1, 0.2, 0.3],
      ys: [
        [5, null, 6],
        [null, 7, null],
      ],
    });
  });
});
