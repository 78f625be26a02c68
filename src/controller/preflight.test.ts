import { describe, expect, it } from 'vitest';
import type { DeviceReport } from '../device/probe';
import { explainError } from '../engine/errors';
import { f32Variant, preflight } from './preflight';

const device: DeviceReport = {
  webgpu: true,
  adapter: true,
  vendor: 'google',
  architecture: 'swiftshader',
  description: '',
  f16: false,
  maxBufferSize: 2 ** 30,
  maxStorageBufferBindingSize: 2 ** 30,
  storageQuota: null,
  storageUsage: null,
  cores: 2,
};
const spec = (id: string) => ({ engine: 'webllm' as const, id });

describe('preflight', () => {
  it('stops an f16 model on a GPU without shader-f16, and names the q4f32 build', () => {
    const e = preflight(spec('Llama-3.2-3B-Instruct-q4f16_1-MLC'), device);
    expect(explainError(e).kind).toBe('f16');
    expect(f32Variant('Llama-3.2-3B-Instruct-q4f16_1-MLC')).toBe('Llama-3.2-3B-Instruct-q4f32_1-MLC');
    expect(preflight(spec('Llama-3.2-3B-Instruct-q4f32_1-MLC'), device)).toBeNull();
  });

  it('reports no WebGPU and no adapter the way web-llm would', () => {
    expect(explainError(preflight(spec('x'), { ...device, webgpu: false })).kind).toBe('no-webgpu');
    expect(explainError(preflight(spec('x'), { ...device, adapter: false })).kind).toBe('no-adapter');
  });

  it('leaves GGUF models alone (they run on the CPU)', () => {
    expect(
      preflight({ engine: 'llamacpp', id: 'gguf:x', url: 'x' }, { ...device, webgpu: false }),
    ).toBeNull();
  });
});
