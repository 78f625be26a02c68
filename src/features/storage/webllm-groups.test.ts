import { describe, expect, it } from 'vitest';
import { CONFIG_CACHE, MODEL_CACHE, WASM_CACHE } from '../../webllm-cache/names';
import type { CachedEntry } from '../../webllm-cache/storage';
import {
  cleanModelUrl,
  groupWebLlmEntries,
  libraryNamedAfter,
  unknownBase,
  type KnownModel,
} from './webllm-groups';

const HF = 'https://huggingface.co/mlc-ai';
const LIBS = 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base';
const known: KnownModel[] = [
  {
    id: 'Llama-3.1-8B-Instruct-q4f32_1-MLC-1k',
    model: `${HF}/Llama-3.1-8B-Instruct-q4f32_1-MLC`,
    modelLib: `${LIBS}/L8-1k.wasm`,
  },
  {
    id: 'Llama-3.1-8B-Instruct-q4f32_1-MLC',
    model: `${HF}/Llama-3.1-8B-Instruct-q4f32_1-MLC`,
    modelLib: `${LIBS}/L8.wasm`,
  },
  {
    id: 'Hermes-3-Llama-3.1-8B-q4f32_1-MLC',
    model: `${HF}/Hermes-3-Llama-3.1-8B-q4f32_1-MLC`,
    modelLib: `${LIBS}/L8.wasm`,
  },
  {
    id: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
    model: `${HF}/Qwen2.5-0.5B-Instruct-q4f16_1-MLC`,
    modelLib: `${LIBS}/Q05.wasm`,
  },
  { id: 'Llama-3.2-1B-Instruct-q4f32_1-MLC', model: `${HF}/Llama-3.2-1B-Instruct-q4f32_1-MLC` },
];
const l8 = `${HF}/Llama-3.1-8B-Instruct-q4f32_1-MLC/resolve/main/`;
const hermes = `${HF}/Hermes-3-Llama-3.1-8B-q4f32_1-MLC/resolve/main/`;
const e = (cache: CachedEntry['cache'], url: string, size = 10): CachedEntry => ({ cache, url, size });

describe('base URLs', () => {
  it('resolves a record the way web-llm does', () => {
    expect(cleanModelUrl(`${HF}/X`)).toBe(`${HF}/X/resolve/main/`);
    expect(cleanModelUrl(`${HF}/X/`)).toBe(`${HF}/X/resolve/main/`);
    expect(cleanModelUrl(`${HF}/X/resolve/abc123/`)).toBe(`${HF}/X/resolve/abc123/`);
  });
  it('takes an unknown base up to the revision, else the folder', () => {
    expect(unknownBase('https://h/u/M/resolve/v2/params_shard_0.bin')).toBe('https://h/u/M/resolve/v2/');
    expect(unknownBase('http://127.0.0.1:9/mlc/M/ndarray/params_shard_0.bin')).toBe(
      'http://127.0.0.1:9/mlc/M/ndarray/',
    );
  });
});

describe('groupWebLlmEntries', () => {
  it('puts weights, tokenizer and config of one repository in one group named by its shortest id', () => {
    const groups = groupWebLlmEntries(
      [
        e(MODEL_CACHE, l8 + 'tensor-cache.json'),
        e(MODEL_CACHE, l8 + 'params_shard_0.bin', 1000),
        e(MODEL_CACHE, l8 + 'tokenizer.json'),
        e(CONFIG_CACHE, l8 + 'mlc-chat-config.json'),
      ],
      known,
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      name: 'Llama-3.1-8B-Instruct-q4f32_1-MLC',
      aliases: ['Llama-3.1-8B-Instruct-q4f32_1-MLC-1k'],
      base: l8,
      // What Repair checks: the library of the id shown, not the 1k variant's.
      modelLib: `${LIBS}/L8.wasm`,
    });
    expect(groups[0]?.entries).toHaveLength(4);
  });

  it('attaches each library to the weights whose record names it, once', () => {
    const groups = groupWebLlmEntries(
      [
        e(MODEL_CACHE, l8 + 'tensor-cache.json'),
        e(MODEL_CACHE, hermes + 'tensor-cache.json'),
        e(WASM_CACHE, `${LIBS}/L8.wasm`),
        e(WASM_CACHE, `${LIBS}/L8-1k.wasm`),
      ],
      known,
    );
    const byName = new Map(groups.map((g) => [g.name, g]));
    const llama = byName.get('Llama-3.1-8B-Instruct-q4f32_1-MLC');
    const h = byName.get('Hermes-3-Llama-3.1-8B-q4f32_1-MLC');
    // The shared library goes to one model (alphabetically first); the other says where it is listed.
    expect(h?.entries.map((x) => x.url)).toEqual([hermes + 'tensor-cache.json', `${LIBS}/L8.wasm`]);
    expect(llama?.entries.map((x) => x.url)).toEqual([l8 + 'tensor-cache.json', `${LIBS}/L8-1k.wasm`]);
    expect(llama?.sharesLibraryWith).toBe('Hermes-3-Llama-3.1-8B-q4f32_1-MLC');
    expect(groups).toHaveLength(2);
  });

  it('gives a library whose weights are not cached its own model row', () => {
    const groups = groupWebLlmEntries(
      [
        e(CONFIG_CACHE, `${HF}/Qwen2.5-0.5B-Instruct-q4f16_1-MLC/resolve/main/mlc-chat-config.json`),
        e(WASM_CACHE, `${LIBS}/Q05.wasm`),
      ],
      known,
    );
    expect(groups.map((g) => [g.name, g.entries.length])).toEqual([['Qwen2.5-0.5B-Instruct-q4f16_1-MLC', 2]]);
    const libOnly = groupWebLlmEntries([e(WASM_CACHE, `${LIBS}/Q05.wasm`)], known);
    expect(libOnly[0]).toMatchObject({
      name: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
      base: `${HF}/Qwen2.5-0.5B-Instruct-q4f16_1-MLC/resolve/main/`,
    });
  });

  it('groups custom models by their base URL and keeps unknown libraries apart', () => {
    const custom = 'http://127.0.0.1:4173/__fixtures__/mlc/Tiny-q4f32_1-MLC/resolve/main/';
    const groups = groupWebLlmEntries(
      [
        e(CONFIG_CACHE, custom + 'mlc-chat-config.json', 300),
        e(MODEL_CACHE, custom + 'params_shard_0.bin', 700),
        e(WASM_CACHE, 'http://127.0.0.1:4173/__fixtures__/mlc/tiny-q4f32_1-webgpu.wasm', 50),
      ],
      known,
    );
    expect(groups.map((g) => [g.name, g.base, g.entries.length])).toEqual([
      [custom, custom, 2],
      ['tiny-q4f32_1-webgpu.wasm', null, 1],
    ]);
  });

  it('names a custom model when the app knows it, library included', () => {
    const base = 'https://example.org/m/Tiny/resolve/main/';
    const lib = 'https://example.org/libs/tiny.wasm';
    const groups = groupWebLlmEntries(
      [e(MODEL_CACHE, base + 'tensor-cache.json'), e(WASM_CACHE, lib)],
      [...known, { id: 'Tiny', model: 'https://example.org/m/Tiny', modelLib: lib }],
    );
    expect(groups.map((g) => [g.name, g.entries.length])).toEqual([['Tiny', 2]]);
  });

  it('for a record without its library URL, attaches a library named after the model to its cached weights only', () => {
    const base = `${HF}/Llama-3.2-1B-Instruct-q4f32_1-MLC/resolve/main/`;
    const lib = `${LIBS}/Llama-3.2-1B-Instruct-q4f32_1_cs1k-webgpu.wasm`;
    expect(libraryNamedAfter('Llama-3.2-1B-Instruct-q4f32_1-MLC', lib)).toBe(true);
    expect(libraryNamedAfter('Llama-3.2-1B-Instruct-q4f16_1-MLC', lib)).toBe(false);
    expect(
      groupWebLlmEntries([e(MODEL_CACHE, base + 'tensor-cache.json'), e(WASM_CACHE, lib)], known),
    ).toHaveLength(1);
    // Without cached weights the guess never names a model: the library stands alone.
    expect(groupWebLlmEntries([e(WASM_CACHE, lib)], known)[0]).toMatchObject({
      base: null,
      name: 'Llama-3.2-1B-Instruct-q4f32_1_cs1k-webgpu.wasm',
    });
  });
});
