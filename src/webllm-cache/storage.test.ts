import { describe, expect, it } from 'vitest';
import { CONFIG_CACHE, MODEL_CACHE, WASM_CACHE } from './names';
import {
  deleteAllWebLlmCaches,
  deleteEntries,
  existingCaches,
  hasWeights,
  readWebLlmCaches,
} from './storage';
import { fakeStorage } from './test-fakes';

const base = 'https://huggingface.co/mlc-ai/M/resolve/main/';
const lib = 'https://libs.example/M.wasm';
const manifest = JSON.stringify({
  records: [
    { dataPath: 'params_shard_0.bin', nbytes: 100 },
    { dataPath: 'params_shard_1.bin', nbytes: 50 },
  ],
});

function seeded() {
  const s = fakeStorage();
  const put = (name: string, url: string, body: string | Uint8Array<ArrayBuffer>) =>
    s
      .cache(name)
      .entries.set(url, typeof body === 'string' ? new TextEncoder().encode(body).buffer : body.buffer);
  put(MODEL_CACHE, base + 'tensor-cache.json', manifest);
  put(MODEL_CACHE, base + 'params_shard_0.bin', new Uint8Array(100));
  put(MODEL_CACHE, base + 'params_shard_1.bin', new Uint8Array(50));
  put(CONFIG_CACHE, base + 'mlc-chat-config.json', '<html>login</html>');
  put(WASM_CACHE, lib, new Uint8Array([0, 0x61, 0x73, 0x6d, 1]));
  return { ...s, put };
}

describe('hasWeights', () => {
  it('is true only with the manifest and every shard at its measured size', async () => {
    const s = seeded();
    expect(await hasWeights(base, s.storage)).toBe(true);
    s.put(MODEL_CACHE, base + 'params_shard_1.bin', new Uint8Array(49));
    expect(await hasWeights(base, s.storage)).toBe(false);
    s.cache(MODEL_CACHE).entries.delete(base + 'params_shard_1.bin');
    expect(await hasWeights(base, s.storage)).toBe(false);
  });
  it('is false without the cache (and does not create it), or with an unreadable manifest', async () => {
    const empty = fakeStorage();
    expect(await hasWeights(base, empty.storage)).toBe(false);
    expect(await existingCaches(empty.storage)).toEqual([]);
    const s = seeded();
    s.put(MODEL_CACHE, base + 'tensor-cache.json', '{"records":[{"dataPath":"params_shard_0.bin"}]}');
    expect(await hasWeights(base, s.storage)).toBe(false);
  });
});

describe('readWebLlmCaches', () => {
  it('measures every entry, keeps manifest and config text, and flags a config that is not JSON', async () => {
    const s = seeded();
    const got = await readWebLlmCaches(s.storage);
    expect(got.entries.map((e) => [e.cache, e.url.replace(base, ''), e.size])).toEqual([
      [MODEL_CACHE, 'tensor-cache.json', manifest.length],
      [MODEL_CACHE, 'params_shard_0.bin', 100],
      [MODEL_CACHE, 'params_shard_1.bin', 50],
      [CONFIG_CACHE, 'mlc-chat-config.json', 18],
      [WASM_CACHE, lib, 5],
    ]);
    expect([...got.texts.keys()]).toEqual([base + 'tensor-cache.json', base + 'mlc-chat-config.json']);
    expect([...got.problems]).toEqual([
      [base + 'mlc-chat-config.json', 'mlc-chat-config.json is not valid JSON'],
    ]);
  });
});

describe('deleting', () => {
  it('removes the given entries, or every webllm/ cache', async () => {
    const s = seeded();
    s.cache('webllm/future');
    s.cache('other-app');
    await deleteEntries(
      [
        { cache: MODEL_CACHE, url: base + 'params_shard_1.bin' },
        { cache: WASM_CACHE, url: lib },
      ],
      s.storage,
    );
    expect([...s.cache(MODEL_CACHE).entries.keys()]).toHaveLength(2);
    expect(s.cache(WASM_CACHE).entries.size).toBe(0);
    await deleteAllWebLlmCaches(s.storage);
    expect(await s.storage.keys()).toEqual(['other-app']);
  });
});
