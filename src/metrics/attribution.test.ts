import { describe, expect, it } from 'vitest';
import { bytesForScopes } from './attribution';

const m = {
  breakdown: [
    { bytes: 7_437_149, attribution: [{ url: 'http://127.0.0.1/', scope: 'Window' }], types: ['JavaScript'] },
    { bytes: 2_075_156, attribution: [], types: ['Shared'] },
    {
      bytes: 135_954_273,
      attribution: [{ url: 'blob:http://127.0.0.1/a', scope: 'DedicatedWorkerGlobalScope' }],
      types: ['JavaScript'],
    },
    {
      bytes: 1_000,
      attribution: [{ url: 'blob:http://127.0.0.1/b', scope: 'DedicatedWorkerGlobalScope' }],
      types: ['JavaScript'],
    },
  ],
};

describe('bytesForScopes', () => {
  it('sums only the entries attributed to the given worker scopes', () => {
    expect(bytesForScopes(m, ['blob:http://127.0.0.1/a'])).toBe(135_954_273);
    expect(bytesForScopes(m, ['blob:http://127.0.0.1/a', 'blob:http://127.0.0.1/b'])).toBe(135_955_273);
  });
  it('is null when nothing is attributed to them', () => {
    expect(bytesForScopes(m, ['blob:nope'])).toBeNull();
    expect(bytesForScopes(m, [])).toBeNull();
  });
});
