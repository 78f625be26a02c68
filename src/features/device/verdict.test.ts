import { describe, expect, it } from 'vitest';
import type { DeviceReport } from '../../device/probe';
import { pairVerdict, type PairModel } from './verdict';

const gpu: DeviceReport = {
  webgpu: true,
  adapter: true,
  vendor: 'nvidia',
  architecture: 'ampere',
  description: '',
  f16: true,
  maxBufferSize: 2 ** 32,
  maxStorageBufferBindingSize: 2 ** 31,
  storageQuota: 100e9,
  storageUsage: 1e9,
  cores: 8,
};
const m = (id: string, vramMB: number, extra: Partial<PairModel> = {}): PairModel => ({
  id,
  vramMB,
  downloadBytes: 2e9,
  needsF16: false,
  bufferSizeRequired: null,
  ...extra,
});

describe('pairVerdict', () => {
  it('adds the 20% margin to the published figures', () => {
    const v = pairVerdict(gpu, [m('a', 1000), m('b', 2000)], 16);
    expect(v.needMB).toBe(3600);
    expect(v.level).toBe('ok');
  });

  it('is uncertain above 4 GB, since browsers do not reveal GPU memory', () => {
    const v = pairVerdict(gpu, [m('3b', 2263.69), m('8b', 5001)], 8);
    expect(v.level).toBe('uncertain');
    expect(v.reasons.join(' ')).toMatch(/8\.5 GB/);
  });

  it('is unlikely when an f16 model meets a GPU without shader-f16, or storage is short', () => {
    expect(pairVerdict({ ...gpu, f16: false }, [m('x', 100, { needsF16: true })], 8).level).toBe('unlikely');
    expect(pairVerdict({ ...gpu, storageQuota: 3e9 }, [m('x', 100)], 8).level).toBe('unlikely');
  });

  it('is unlikely on a device with little RAM, and without WebGPU', () => {
    expect(pairVerdict(gpu, [m('a', 3000), m('b', 5000)], 2).level).toBe('unlikely');
    expect(pairVerdict({ ...gpu, webgpu: false }, [m('a', 1)], 8).level).toBe('unlikely');
  });
});
