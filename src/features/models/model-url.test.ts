import { describe, expect, it } from 'vitest';
import { checkModelUrl } from './model-url';

const base = 'http://127.0.0.1:4173/';

describe('checkModelUrl', () => {
  it('accepts a .gguf URL for the llama.cpp engine', () => {
    const r = checkModelUrl('https://example.org/m/tiny.gguf', '', base);
    expect(r).toEqual({
      ok: true,
      spec: {
        engine: 'llamacpp',
        id: 'gguf:https://example.org/m/tiny.gguf',
        url: 'https://example.org/m/tiny.gguf',
      },
    });
  });

  it('accepts an MLC repository only with a .wasm model library', () => {
    expect(checkModelUrl('https://example.org/org/Tiny-MLC', '', base).ok).toBe(false);
    expect(checkModelUrl('https://example.org/org/Tiny-MLC', 'https://example.org/lib.js', base).ok).toBe(
      false,
    );
    const r = checkModelUrl(
      'https://example.org/org/Tiny-MLC/resolve/main/',
      'https://example.org/lib.wasm',
      base,
    );
    expect(r.ok && r.spec).toMatchObject({
      engine: 'webllm',
      id: 'custom:Tiny-MLC',
      modelLib: 'https://example.org/lib.wasm',
    });
  });

  it.each(['javascript:alert(1)', 'data:text/plain,hi', 'file:///etc/passwd', '   '])('refuses %s', (u) => {
    expect(checkModelUrl(u, '', base).ok).toBe(false);
  });
});
