import { describe, expect, it } from 'vitest';
import { CONFIG_CACHE, MODEL_CACHE, WASM_CACHE } from '../webllm-cache/names';
import { fakeStorage } from '../webllm-cache/test-fakes';
import { repairModelFiles, type RepairOptions } from './repair';
import { describeRepair } from './repair-report';
import {
  BASE,
  bytes,
  fakeNet,
  LISTING,
  listing,
  MANIFEST,
  MANIFEST_URL,
  ORIGIN,
  REPO,
  shard,
  SIZES,
} from './test-fakes';

const LIB = `${ORIGIN}/libs/tiny.wasm`;
const CONFIG_URL = `${BASE}mlc-chat-config.json`;
const TOKENIZER_URL = `${BASE}tokenizer.json`;
const enc = (t: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(t);
const CONFIG = enc('{"model_type":"llama","tokenizer_files":["tokenizer.json"]}');
const TOKENIZER = enc('{"model":{"type":"BPE"}}');
const WASM = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
const served = { [CONFIG_URL]: CONFIG, [TOKENIZER_URL]: TOKENIZER, [LIB]: WASM };

/** A model fully in the cache, as web-llm and the downloader leave it. */
function cachedModel() {
  const s = fakeStorage();
  const put = (name: string, url: string, b: Uint8Array<ArrayBuffer>) =>
    s.cache(name).entries.set(url, b.slice().buffer);
  put(CONFIG_CACHE, CONFIG_URL, CONFIG);
  put(WASM_CACHE, LIB, WASM);
  put(MODEL_CACHE, TOKENIZER_URL, TOKENIZER);
  put(MODEL_CACHE, MANIFEST_URL, enc(MANIFEST));
  SIZES.forEach((_, i) => put(MODEL_CACHE, shard(i), bytes(i)));
  return { ...s, put };
}

const opts = (net: ReturnType<typeof fakeNet>, storage: CacheStorage): RepairOptions => ({
  fetch: net.fetchFn,
  caches: storage,
  pageOrigin: ORIGIN,
  sleep: () => Promise.resolve(),
  random: () => 0.5,
});
const published = () => listing({ 'mlc-chat-config.json': CONFIG, 'tokenizer.json': TOKENIZER });

describe('repairModelFiles', () => {
  it('checks every file and fetches nothing when all are intact', async () => {
    const s = cachedModel();
    const net = fakeNet({}, published(), served);
    const r = await repairModelFiles({ modelUrl: REPO, modelLib: LIB }, opts(net, s.storage));
    expect(net.calls).toEqual([LISTING]);
    expect(r.files.map((f) => [f.name, f.found, f.method])).toEqual([
      ['mlc-chat-config.json', 'ok', 'git-sha1'],
      ['tiny.wasm', 'ok', 'content'],
      ['tokenizer.json', 'ok', 'git-sha1'],
      ['tensor-cache.json', 'ok', 'git-sha1'],
      ...SIZES.map((_, i) => [`params_shard_${i}.bin`, 'ok', 'sha256']),
    ]);
    expect(describeRepair(r)).toBe(
      'All 8 files are intact. 7 checked against the hashes Hugging Face publishes, 1 by size and content only.',
    );
  });

  it('deletes only what is damaged, fetches that and what is missing again, and says so', async () => {
    const s = cachedModel();
    s.put(CONFIG_CACHE, CONFIG_URL, enc('<html>Proxy login</html>'));
    s.put(
      MODEL_CACHE,
      shard(2),
      bytes(2).map((x) => x ^ 1),
    ); // right size, wrong bytes
    s.cache(MODEL_CACHE).entries.delete(TOKENIZER_URL);
    const net = fakeNet({}, published(), served);
    const r = await repairModelFiles({ modelUrl: REPO, modelLib: LIB }, opts(net, s.storage));
    expect(net.calls.sort()).toEqual([CONFIG_URL, LISTING, shard(2), TOKENIZER_URL].sort());
    expect(new Uint8Array(s.cache(CONFIG_CACHE).entries.get(CONFIG_URL) ?? [])).toEqual(CONFIG);
    expect(new Uint8Array(s.cache(MODEL_CACHE).entries.get(shard(2)) ?? [])).toEqual(bytes(2));
    expect(new Uint8Array(s.cache(MODEL_CACHE).entries.get(TOKENIZER_URL) ?? [])).toEqual(TOKENIZER);
    expect(r.files.filter((f) => f.found !== 'ok').map((f) => [f.name, f.found, f.fetched])).toEqual([
      ['mlc-chat-config.json', 'damaged', true],
      ['tokenizer.json', 'missing', true],
      ['params_shard_2.bin', 'damaged', true],
    ]);
    expect(describeRepair(r)).toBe(
      '2 of 8 files were damaged and were fetched again (mlc-chat-config.json, params_shard_2.bin). ' +
        '1 was missing and was fetched again (tokenizer.json). ' +
        '7 checked against the hashes Hugging Face publishes, 1 by size and content only.',
    );
  });

  it('never stores a copy that is still wrong, and says what could not be fixed', async () => {
    const s = cachedModel();
    s.put(WASM_CACHE, LIB, enc('<!DOCTYPE html>'));
    const net = fakeNet({}, null, { ...served, [LIB]: enc('<!DOCTYPE html> again') });
    const r = await repairModelFiles({ modelUrl: REPO, modelLib: LIB }, opts(net, s.storage));
    expect(net.count(LIB)).toBe(1); // a wrong content is the same every time: not retried
    expect(s.cache(WASM_CACHE).entries.has(LIB)).toBe(false);
    expect(describeRepair(r)).toBe(
      '1 of 8 files was damaged (tiny.wasm). ' +
        'Could not fetch tiny.wasm intact: tiny.wasm is not a WebAssembly file (after fetching it again). ' +
        'No file hashes are published for this model: files were checked by size and content only.',
    );
  });

  it('keeps every good file when the missing weights cannot be fetched, and reports why', async () => {
    const s = cachedModel();
    s.cache(MODEL_CACHE).entries.delete(shard(1));
    const net = fakeNet({ [shard(1)]: [404] }, published(), served);
    const r = await repairModelFiles({ modelUrl: REPO, modelLib: LIB }, opts(net, s.storage));
    expect(r.weightsError?.name).toBe('NotFoundError');
    expect(s.cache(MODEL_CACHE).entries.size).toBe(5); // manifest, tokenizer, three shards
    expect(describeRepair(r)).toMatch(
      /^1 was missing \(params_shard_1\.bin\)\. Could not fetch params_shard_1\.bin intact: params_shard_1\.bin was not found \(HTTP 404\)/,
    );
  });
});
