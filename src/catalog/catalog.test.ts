import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../build/webllm-catalog';
import { defaultPair, describeModel, sevenBAlternatives } from './catalog';

describe('model catalog (from the pinned web-llm)', async () => {
  const entries = await loadCatalog();
  const byId = new Map(entries.map((e) => [e.id, e]));

  it('has both variants of the default pair, with their published memory and context', () => {
    for (const f16 of [true, false]) for (const id of defaultPair(f16)) expect(byId.has(id), id).toBe(true);
    expect(byId.get('Llama-3.1-8B-Instruct-q4f16_1-MLC')?.vramMB).toBe(5001);
    expect(byId.get('Llama-3.2-3B-Instruct-q4f16_1-MLC')?.contextWindow).toBe(4096);
  });

  it('offers no Llama 3.1 7B, and does offer true 7B models', () => {
    expect(entries.some((e) => /Llama-3\.1-7B/i.test(e.id))).toBe(false);
    expect(entries.map((e) => e.id)).toEqual(
      expect.arrayContaining(['Qwen2.5-7B-Instruct-q4f32_1-MLC', 'Mistral-7B-Instruct-v0.3-q4f32_1-MLC']),
    );
    expect(sevenBAlternatives(false)).toEqual([
      'Qwen2.5-7B-Instruct-q4f32_1-MLC',
      'Mistral-7B-Instruct-v0.3-q4f32_1-MLC',
    ]);
    expect(sevenBAlternatives(true)).toEqual([
      'Qwen2.5-7B-Instruct-q4f16_1-MLC',
      'Mistral-7B-Instruct-v0.3-q4f16_1-MLC',
    ]);
  });

  it('reads family, size and quantization from ids', () => {
    const e = byId.get('Llama-3.2-3B-Instruct-q4f16_1-MLC');
    expect(e).toBeDefined();
    if (!e) return;
    expect(describeModel(e)).toMatchObject({
      family: 'Llama-3.2',
      params: '3B',
      quant: 'q4f16_1',
      needsF16: true,
    });
  });
});
