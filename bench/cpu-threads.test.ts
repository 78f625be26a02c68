import { describe, expect, it } from 'vitest';
import { classify, engineWaitBetween, type CpuSnapshot } from './cpu-threads';

describe('classify', () => {
  it('tells engine workers, page main threads, compositor and raster, GPU process and the rest apart', () => {
    expect(classify('renderer', 'DedicatedWorker thread')).toBe('workers');
    expect(classify('renderer', 'CrRendererMain')).toBe('rendererMain');
    expect(classify('renderer', 'Compositor')).toBe('compositorRaster');
    expect(classify('renderer', 'CompositorTileW')).toBe('compositorRaster');
    expect(classify('gpu-process', 'VizCompositorTh')).toBe('gpuProcess');
    expect(classify('browser', 'chromium')).toBe('other');
    expect(classify('renderer', 'Chrome_ChildIOT')).toBe('other');
  });
});

describe('engineWaitBetween', () => {
  const snap = (
    entries: [string, CpuSnapshot['ticks'] extends Map<string, infer V> ? V : never][],
  ): CpuSnapshot => ({
    at: 0,
    ticks: new Map(entries),
  });
  it('adds up the time engine workers waited for a core, new threads from zero', () => {
    const a = snap([['1/2', { cls: 'workers', ticks: 0, waitNs: 1e9 }]]);
    const b = snap([
      ['1/2', { cls: 'workers', ticks: 5, waitNs: 1.5e9 }],
      ['1/3', { cls: 'workers', ticks: 5, waitNs: 0.25e9 }],
      ['1/1', { cls: 'rendererMain', ticks: 5, waitNs: 9e9 }],
    ]);
    expect(engineWaitBetween(a, b)).toBeCloseTo(0.75, 9);
    expect(engineWaitBetween(null, b)).toBe(0);
  });
});
