import { describe, expect, it } from 'vitest';
import {
  assessWebLlm,
  configProblem,
  parseContentLength,
  parseTensorCache,
  wasmProblem,
  type Manifest,
} from './health';
import type { CachedEntry, WebLlmGroup } from './webllm-groups';

const base = 'https://huggingface.co/mlc-ai/M/resolve/main/';
const lib = 'https://libs.example/M.wasm';
const manifestText = JSON.stringify({
  metadata: { ParamSize: 3 },
  records: [
    { dataPath: 'params_shard_0.bin', format: 'raw-shard', nbytes: 100, records: [] },
    { dataPath: 'params_shard_1.bin', format: 'raw-shard', nbytes: 50, records: [] },
  ],
});
const manifest = parseTensorCache(manifestText);

function group(entries: [CachedEntry['cache'], string, number][], sharesLibraryWith?: string): WebLlmGroup {
  return {
    key: 'k',
    name: 'M',
    aliases: [],
    base,
    entries: entries.map(([cache, url, size]) => ({ cache, url, size })),
    ...(sharesLibraryWith ? { sharesLibraryWith } : {}),
  };
}
const full = group([
  ['webllm/model', base + 'tensor-cache.json', 300],
  ['webllm/model', base + 'params_shard_0.bin', 100],
  ['webllm/model', base + 'params_shard_1.bin', 50],
  ['webllm/config', base + 'mlc-chat-config.json', 20],
  ['webllm/wasm', lib, 10],
]);
const noDamage = new Map<string, string>();

describe('parseTensorCache', () => {
  it('lists each shard once with the size it promises', () => {
    expect(manifest).toEqual({
      ok: true,
      shards: [
        { path: 'params_shard_0.bin', nbytes: 100 },
        { path: 'params_shard_1.bin', nbytes: 50 },
      ],
    });
  });
  it('rejects an HTML error page and a manifest without records', () => {
    expect(parseTensorCache('<html>rate limited</html>')).toEqual({
      ok: false,
      reason: 'tensor-cache.json is not valid JSON',
    });
    expect(parseTensorCache('{"metadata":{}}').ok).toBe(false);
    expect(parseTensorCache('{"records":[{"nbytes":3}]}').ok).toBe(false);
  });
});

describe('assessWebLlm', () => {
  it('is complete with the manifest and every listed shard at its size', () => {
    expect(assessWebLlm(full, { manifest, damaged: noDamage })).toEqual({
      health: { state: 'complete' },
      parts: '2 of 2 weight shards · model library · chat config',
    });
  });
  it('counts missing shards', () => {
    const g = group([
      ['webllm/model', base + 'tensor-cache.json', 300],
      ['webllm/model', base + 'params_shard_1.bin', 50],
    ]);
    expect(assessWebLlm(g, { manifest, damaged: noDamage })).toEqual({
      health: { state: 'incomplete', reason: '1 of 2 weight shards missing' },
      parts: '1 of 2 weight shards',
    });
  });
  it('says what is missing without a manifest', () => {
    const configOnly = group([['webllm/config', base + 'mlc-chat-config.json', 20]], 'Other');
    expect(assessWebLlm(configOnly, { manifest: null, damaged: noDamage })).toEqual({
      health: { state: 'incomplete', reason: 'Weights not downloaded' },
      parts: 'no weights · model library listed under Other · chat config',
    });
    const shardsOnly = group([['webllm/model', base + 'params_shard_0.bin', 100]]);
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
    const bad: Manifest = { ok: false, reason: 'tensor-cache.json is not valid JSON' };
    expect(assessWebLlm(full, { manifest: bad, damaged: noDamage }).health.state).toBe('damaged');
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
      entries: [{ cache: 'webllm/wasm', url: lib, size: 5 }],
    };
    expect(assessWebLlm(g, { manifest: null, damaged: noDamage }).health.state).toBe('incomplete');
  });
});

describe('body checks', () => {
  it('reads Content-Length only when it is a plain number', () => {
    expect(parseContentLength('1234')).toBe(1234);
    expect(parseContentLength(' 7 ')).toBe(7);
    expect(parseContentLength(null)).toBeNull();
    expect(parseContentLength('-1')).toBeNull();
    expect(parseContentLength('12, 12')).toBeNull();
  });
  it('recognises WebAssembly by its magic number', () => {
    expect(wasmProblem(lib, new Uint8Array([0, 0x61, 0x73, 0x6d]))).toBeNull();
    expect(wasmProblem(lib, new TextEncoder().encode('<!DO'))).toBe('M.wasm is not a WebAssembly file');
    expect(wasmProblem(lib, new Uint8Array([0]))).not.toBeNull();
  });
  it('wants a JSON object for the chat config', () => {
    expect(configProblem('{"model_type":"llama"}')).toBeNull();
    expect(configProblem('<html>')).toBe('mlc-chat-config.json is not valid JSON');
    expect(configProblem('null')).toBe('mlc-chat-config.json is not a JSON object');
  });
});
