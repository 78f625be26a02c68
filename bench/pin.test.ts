import { describe, expect, it } from 'vitest';
import { chooseCores, coreFor, parseCpuList } from './pin';

describe('parseCpuList', () => {
  it('reads lists and ranges as the kernel writes them', () => {
    expect(parseCpuList('0-1')).toEqual([0, 1]);
    expect(parseCpuList('0,2-4,7')).toEqual([0, 2, 3, 4, 7]);
    expect(parseCpuList('3')).toEqual([3]);
  });
  it('refuses what is not a list', () => {
    expect(parseCpuList('')).toEqual([]);
    expect(parseCpuList('a-b')).toEqual([]);
    expect(parseCpuList('4-2')).toEqual([]);
  });
});

describe('chooseCores', () => {
  it('puts the engines on the last core and the rest on the first by default', () => {
    expect(chooseCores('0-3', undefined)).toEqual({ engine: 3, page: 0, all: '0-3' });
  });
  it('takes a choice of two different allowed cores', () => {
    expect(chooseCores('0-3', '2,1')).toEqual({ engine: 2, page: 1, all: '0-3' });
    expect(chooseCores('0-3', '1,1')).toHaveProperty('unavailable');
    expect(chooseCores('0-1', '0,5')).toHaveProperty('unavailable');
  });
  it('needs two cores', () => {
    expect(chooseCores('0', undefined)).toHaveProperty('unavailable');
  });
});

describe('coreFor', () => {
  it('sends engine workers to the engine core and every other thread to the page core', () => {
    const cores = { engine: 1, page: 0, all: '0-1' };
    expect(coreFor({ cls: 'workers' }, cores)).toBe(1);
    for (const cls of ['rendererMain', 'compositorRaster', 'gpuProcess', 'other'] as const)
      expect(coreFor({ cls }, cores)).toBe(0);
  });
});
