import { describe, expect, it } from 'vitest';
import { decodeManifest, type ManifestResult } from '../../webllm-cache/manifest';
import { CONFIG_CACHE, MODEL_CACHE, WASM_CACHE, type WebLlmCacheName } from '../../webllm-cache/names';
import { assessWebLlm } from './health';
import type { WebLlmGroup } from './webllm-groups';

const base = 'https://huggingface.co/mlc-ai/M/resolve/main/';
const lib = 'https://libs.example/M.wasm';
const manifestText = JSON.stringify({
  metadata: { ParamSize: 3 },
  records: [
    { dataPath: 'params_shard_0.bin', format: 'raw-shard', nbytes: 100, records: [] },
    { dataPath: 'params_shard_1.bin', format: 'raw-shard', nbytes: 50, records: [] },
  ],
});
const manifest = decodeManifest(manifestText);

function group(entries: [WebLlmCacheName, string, number][], sharesLibraryWith?: string): WebLlmGroup {
  return {
    key: 'k',
    name: 'M',
    aliases: [],
    base,
    entries: entries.map(([cache, url, size]) => ({ cache, url, size })),
    modelLib: lib,
    ...(sharesLibraryWith ? { sharesLibraryWith } : {}),
  };
}
const full = group([
  [MODEL_CACHE, base + 'tensor-cache.json', 300],
  [MODEL_CACHE, base + 'params_shard_0.bin', 100],
  [MODEL_CACHE, base + 'params_shard_1.bin', 50],
  [CONFIG_CACHE, base + 'mlc-chat-config.json', 20],
  [WASM_CACHE, lib, 10],
]);
const noDamage = new Map<string, string>();

describe('assessWebLlm', () => {
  it('is complete with the manifest and every listed shard at its size', () => {
    expect(assessWebLlm(full, { manifest, damaged: noDamage })).toEqual({
      health: { state: 'complete' },
      parts: '2 of 2 weight shards · model library · chat config',
    });
  });
  it('counts missing shards', () => {
    const g = group([
      [MODEL_CACHE, base + 'tensor-cache.json', 300],
      [MODEL_CACHE, base + 'params_shard_1.bin', 50],
    ]);
    expect(assessWebLlm(g, { manifest, damaged: noDamage })).toEqual({
      health: { state: 'incomplete', reason: '1 of 2 weight shards missing' },
      parts: '1 of 2 weight shards',
    });
  });
  it('says what is missing without a manifest', () => {
    const configOnly = group([[CONFIG_CACHE, base + 'mlc-chat-config.json', 20]], 'Other');
    expect(assessWebLlm(configOnly, { manifest: null, damaged: noDamage })).toEqual({
      health: { state: 'incomplete', reason: 'Weights not downloaded' },
      parts: 'no weights · model library listed under Other · chat config',
    });
    const shardsOnly = group([[MODEL_CACHE, base + 'params_shard_0.bin', 100]]);
    expect(assessWebLlm(shardsOnly, { manifest: null, damaged: noDamage }).health).toEqual({
      state: 'incomplete',
      reason: 'tensor-cache.json is missing',
    });
  });
  it('calls a wrong-sized shard, a bad manifest or a bad library damaged', () => {
    const short = {
      ...full,
      entries: full.entries.map((e) => (e.url.endsWith('shard_1.bin') ? { ...e, size: 49 } : e)),
    };
    expect(assessWebLlm(short, { manifest, damaged: noDamage }).health).toEqual({
      state: 'damaged',
      reason: 'params_shard_1.bin has 49 bytes, expected 50',
    });
    const bad: ManifestResult = { ok: false, reason: 'tensor-cache.json is not valid JSON' };
    expect(assessWebLlm(full, { manifest: bad, damaged: noDamage }).health.state).toBe('damaged');
    // A manifest web-llm would read but whose sizes are not known is not a complete model either.
    const unsized = decodeManifest('{"records":[{"dataPath":"params_shard_0.bin"}]}');
    expect(assessWebLlm(full, { manifest: unsized, damaged: noDamage }).health).toEqual({
      state: 'damaged',
      reason: 'tensor-cache.json: record 0 (params_shard_0.bin) has no valid nbytes',
    });
    const damaged = new Map([[lib, 'M.wasm is not a WebAssembly file']]);
    expect(assessWebLlm(full, { manifest, damaged }).health).toEqual({
      state: 'damaged',
      reason: 'M.wasm is not a WebAssembly file',
    });
  });
  it('treats a library with no weights as incomplete', () => {
    const g: WebLlmGroup = {
      key: 'l',
      name: 'M.wasm',
      aliases: [],
      base: null,
      entries: [{ cache: WASM_CACHE, url: lib, size: 5 }],
      modelLib: lib,
    };
    expect(assessWebLlm(g, { manifest: null, damaged: noDamage }).health.state).toBe('incomplete');
  });
});
