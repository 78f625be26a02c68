import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandwidthFromCopy,
  bitsPerWeightForQuant,
  decodeCeiling,
  quantFromModelId,
  rooflineFraction,
  weightBytes,
} from './roofline';

const isNonNegOrNull = (x: number | null) => x === null || (Number.isFinite(x) && x >= 0);

describe('roofline', () => {
  it('decode ceiling is bandwidth ÷ bytes per token', () => {
    expect(decodeCeiling(100e9, 1e9)).toBe(100);
    expect(decodeCeiling(0, 1e9)).toBeNull();
    expect(decodeCeiling(100e9, 0)).toBeNull();
    expect(decodeCeiling(-1, 1)).toBeNull();
    expect(decodeCeiling(Infinity, 1)).toBeNull();
  });

  it('roofline fraction is achieved ÷ ceiling', () => {
    expect(rooflineFraction(50, 100)).toBe(0.5);
    expect(rooflineFraction(0, 100)).toBe(0);
    expect(rooflineFraction(150, 100)).toBe(1.5);
    expect(rooflineFraction(null, 100)).toBeNull();
    expect(rooflineFraction(50, null)).toBeNull();
    expect(rooflineFraction(50, 0)).toBeNull();
    expect(rooflineFraction(-1, 100)).toBeNull();
  });

  it('weight bytes = params × bits / 8', () => {
    expect(weightBytes(1e9, 4.5)).toBe(562.5e6);
    expect(weightBytes(1e9, 16)).toBe(2e9);
    expect(weightBytes(0, 16)).toBe(0);
    expect(weightBytes(-1, 16)).toBeNull();
    expect(weightBytes(1e9, NaN)).toBeNull();
    expect(weightBytes(Number.MAX_VALUE, 32)).toBeNull();
  });

  it('knows the bits per weight of MLC quantizations', () => {
    expect(bitsPerWeightForQuant('q4f16_1')).toBe(4.5);
    expect(bitsPerWeightForQuant('q4f16_0')).toBe(4.5);
    expect(bitsPerWeightForQuant('q4bf16_1')).toBe(4.5);
    expect(bitsPerWeightForQuant('q4f32_1')).toBe(5);
    expect(bitsPerWeightForQuant('q0f16')).toBe(16);
    expect(bitsPerWeightForQuant('q0bf16')).toBe(16);
    expect(bitsPerWeightForQuant('q0f32')).toBe(32);
    expect(bitsPerWeightForQuant('q3f16_1')).toBe(3.6);
    expect(bitsPerWeightForQuant(' Q4F16_1 ')).toBe(4.5);
  });

  it('returns null for quantizations it cannot justify', () => {
    for (const q of ['q4f16_2', 'q4f16_autoawq', 'q4f16_ft', 'e4m3_e4m3_f16', 'q8f16_1', '', 'toString']) {
      expect(bitsPerWeightForQuant(q)).toBeNull();
    }
  });

  it('finds the quantization in an MLC model id', () => {
    expect(quantFromModelId('Llama-3.2-1B-Instruct-q4f16_1-MLC')).toBe('q4f16_1');
    expect(quantFromModelId('Qwen3-0.6B-q0f16-MLC')).toBe('q0f16');
    expect(quantFromModelId('Llama-3.2-1B-Instruct-q4f32_1-MLC-1k')).toBe('q4f32_1');
    expect(quantFromModelId('gemma-2b-it')).toBeNull();
  });

  it('bandwidth from a copy counts the read and the write', () => {
    expect(bandwidthFromCopy(1e9, 0.1)).toBe(20e9);
    expect(bandwidthFromCopy(1e9, 0.1, 1)).toBe(10e9);
    expect(bandwidthFromCopy(0, 1)).toBe(0);
    expect(bandwidthFromCopy(1e9, 0)).toBeNull();
    expect(bandwidthFromCopy(-1, 1)).toBeNull();
    expect(bandwidthFromCopy(1e9, 1, 0)).toBeNull();
  });

  it('is total: finite non-negative numbers or null', () => {
    const d = fc.double();
    fc.assert(
      fc.property(d, d, d, fc.option(d), fc.string(), (a, b, c, maybe, s) => {
        expect(isNonNegOrNull(decodeCeiling(a, b))).toBe(true);
        expect(isNonNegOrNull(rooflineFraction(maybe, a))).toBe(true);
        expect(isNonNegOrNull(weightBytes(a, b))).toBe(true);
        expect(isNonNegOrNull(bandwidthFromCopy(a, b, c))).toBe(true);
        expect(isNonNegOrNull(bitsPerWeightForQuant(s))).toBe(true);
        expect(quantFromModelId(s) === null || typeof quantFromModelId(s) === 'string').toBe(true);
      }),
    );
  });
});
