import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWebLlmProgress } from './progress';

describe('parseWebLlmProgress', () => {
  it('reads shard, bytes and phase from the fetch text', () => {
    const p = parseWebLlmProgress(
      'Fetching param cache[3/22]: 412MB fetched. 24% completed, 12 secs elapsed. It can take a while…',
      0.25,
    );
    expect(p.phase).toBe('fetch');
    expect(p.loaded).toBe(412 * 1024 * 1024);
    expect(p.total).toBe(Math.round((412 * 1024 * 1024) / 0.25));
    expect(p.fraction).toBe(0.25);
  });

  it('tells the GPU upload phase from the download phase', () => {
    expect(
      parseWebLlmProgress('Loading model from cache[1/22]: 20MB loaded. 1% completed, 0 secs elapsed.', 0.01)
        .phase,
    ).toBe('gpu');
    expect(parseWebLlmProgress('Finish loading on WebGPU - swiftshader', 1).phase).toBe('ready');
  });

  it('never throws and keeps the fraction in [0, 1] for any text', () => {
    fc.assert(
      fc.property(fc.string(), fc.double(), (text, f) => {
        const p = parseWebLlmProgress(text, f);
        return p.fraction >= 0 && p.fraction <= 1 && p.text === text;
      }),
    );
  });
});
