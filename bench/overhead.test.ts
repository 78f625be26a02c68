import { describe, expect, it } from 'vitest';
import { noCpu } from './cpu-threads';
import { overheadFigures, perRunCost } from './overhead';
import type { PhaseReport, RunRecord } from './report';
import { summarize, type TurnSample } from './stats';

const turn = (startedAt: number, endedAt: number): TurnSample => ({
  decodeTokensPerS: 60,
  tokens: 64,
  decodeMs: 1000,
  ttftMs: 50,
  finishReason: 'length',
  startedAt,
  endedAt,
  tokenOffsetsMs: [],
});

const run = (side: 'app' | 'bare', warmup: boolean, spanS: number): RunRecord => ({
  side,
  index: 0,
  warmup,
  load1: 1,
  decodeTokensPerS: 60,
  appMainThread: { wallMs: 0, taskMs: 0, scriptMs: 0, layoutMs: 0, styleMs: 0, busy: 0 },
  turns: [turn(0, spanS * 1000), turn(0, (spanS - 0.1) * 1000)],
});

function phase(app: number[], bare: number[]): PhaseReport {
  return {
    panes: 2,
    app: summarize(app),
    bare: summarize(bare),
    pairedRatios: summarize(app.map((a, i) => a / (bare[i] ?? 1))),
    overheadInterval95: null,
    appMainThreadBusy: summarize([]),
    appMainThreadBusyWhileIdle: summarize([]),
    cpu: {
      app: { ...noCpu(), workers: 2, rendererMain: 0.5, compositorRaster: 0.2, gpuProcess: 0.1, other: 0.1 },
      bare: { ...noCpu(), workers: 2, rendererMain: 0.05, compositorRaster: 0.05, gpuProcess: 0, other: 0.1 },
      wallS: { app: 1.5, bare: 1 },
      engineWaitS: { app: 0.2, bare: 0.1 },
    },
    runs: [run('app', true, 5), run('app', false, 0.9), run('app', false, 1.1), run('bare', false, 0.8)],
  };
}

describe('overheadFigures', () => {
  it('divides the median app rate by the median bare rate, and leaves out phases that did not run', () => {
    const f = overheadFigures({ onePane: phase([50, 60, 70], [60, 60, 60]), twoPanes: null });
    expect(f.onePane).toBeCloseTo(1, 9);
    expect(f.twoPanes).toBeNull();
    expect(f.pairedMedianTwoPanes).toBeNull();
  });
});

describe('perRunCost', () => {
  it('counts everything but the engine workers, app minus bare, over the median measured app run', () => {
    const c = perRunCost(phase([60], [60]));
    // (0.9 − 0.2) core-seconds over the median of 0.9 s and 1.1 s (warm-up and bare runs left out)
    expect(c).toEqual({ appCoreS: 0.9, bareCoreS: 0.2, streamS: 1, addedCores: 0.7 });
    expect(perRunCost(null)).toBeNull();
  });
});
