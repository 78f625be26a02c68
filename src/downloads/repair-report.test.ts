import { describe, expect, it } from 'vitest';
import type { FileOutcome } from './outcome';
import { describeRepair } from './repair-report';

const f = (name: string, found: FileOutcome['found'], method: FileOutcome['method']): FileOutcome => ({
  name,
  url: `https://h/${name}`,
  found,
  fetched: found !== 'ok' && method !== null,
  method,
});

describe('describeRepair', () => {
  it('counts damaged files against all, names three and counts the rest, and tells partial fixes apart', () => {
    const files = [
      ...[0, 1, 2, 3, 4].map((i) => f(`params_shard_${i}.bin`, 'damaged', 'sha256')),
      f('params_shard_5.bin', 'damaged', null),
      ...Array.from({ length: 39 }, (_, i) => f(`params_shard_${i + 6}.bin`, 'ok', 'sha256')),
    ];
    files[5] = { ...files[5], error: 'NetworkError: gave up after 5 attempts' } as FileOutcome;
    expect(describeRepair({ files, hashes: 'published', weightsError: null })).toBe(
      '6 of 45 files were damaged; 5 were fetched again ' +
        '(params_shard_0.bin, params_shard_1.bin, params_shard_2.bin and 3 more). ' +
        'Could not fetch params_shard_5.bin intact: NetworkError: gave up after 5 attempts. ' +
        '44 checked against the hashes Hugging Face publishes, 0 by size and content only.',
    );
  });
  it('says the weights failed even when no single file carries the error', () => {
    const files = [f('mlc-chat-config.json', 'ok', 'content')];
    const weightsError = Object.assign(new Error('tensor-cache.json was not found (HTTP 404)'), {
      retryable: false,
    });
    expect(describeRepair({ files, hashes: 'unavailable', weightsError })).toBe(
      'The one file checked is intact. The weights could not be fetched: tensor-cache.json was not found (HTTP 404). ' +
        'No file hashes are published for this model: files were checked by size and content only.',
    );
  });
});
