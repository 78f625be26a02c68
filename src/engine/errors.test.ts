import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainError } from './errors';

const cases: [string, string, string][] = [
  ['WebGPUNotAvailableError', 'WebGPU is not supported in your current environment', 'no-webgpu'],
  ['Error', 'Unable to find a compatible GPU. This issue might be because your computer…', 'no-adapter'],
  ['ShaderF16SupportError', 'This model requires WebGPU extension shader-f16…', 'f16'],
  [
    'Error',
    'Cannot initialize runtime because of requested maxStorageBufferBindingSize exceeds limit',
    'limits',
  ],
  ['DeviceLostError', 'The WebGPU device was lost while loading the model.', 'device-lost'],
  ['QuotaExceededError', "Failed to execute 'add' on 'Cache': Quota exceeded.", 'quota'],
  ['CompileError', 'WebAssembly.instantiate(): expected magic word 00 61 73 6d', 'model-library'],
  ['Error', 'Cannot fetch https://x/y status 404', 'not-found'],
  ['NetworkError', "Failed to execute 'add' on 'Cache': Cache.add() encountered a network error", 'network'],
  ['WorkerCrashedError', 'The engine worker stopped unexpectedly.', 'worker-crashed'],
  ['RangeError', 'Make sure top_p <= 1', 'config'],
  ['RangeError', 'Array buffer allocation failed', 'unknown'],
  ['TypeError', "Failed to execute 'add' on 'Cache': Request failed", 'network'],
  ['SyntaxError', 'Unexpected token \'<\', "<html><bod"... is not valid JSON', 'integrity'],
];

describe('explainError', () => {
  it.each(cases)('%s: %s → %s', (name, message, kind) => {
    expect(explainError({ name, message }).kind).toBe(kind);
  });

  it('is total: any input gives a title, advice and detail', () => {
    fc.assert(
      fc.property(fc.anything(), (e) => {
        const x = explainError(e);
        return x.title.length > 0 && x.advice.length > 0 && typeof x.detail === 'string';
      }),
    );
  });
});
