import { describe, expect, it } from 'vitest';
import { checkModelUrl } from './model-url';

const base = 'http://127.0.0.1:4173/';

describe('checkModelUrl', () => {
  it('accepts a .gguf URL for the llama.cpp engine', () => {
    const r = checkModelUrl('https://huggingface.co/m/tiny.gguf', '', base);
    expect(r).toEqual({
      ok: true,
      spec: {
        engine: 'llamacpp',
        id: 'gguf:https://huggingface.co/m/tiny.gguf',
        url: 'https://huggingface.co/m/tiny.gguf',
      },
    });
  });

  it('accepts an MLC repository only with a .wasm model library', () => {
    expect(checkModelUrl('https://huggingface.co/org/Tiny-MLC', '', base).ok).toBe(false);
    expect(
      checkModelUrl('https://huggingface.co/org/Tiny-MLC', 'https://huggingface.co/lib.js', base).ok,
    ).toBe(false);
    const r = checkModelUrl(
      'https://huggingface.co/org/Tiny-MLC/resolve/main/',
      'https://raw.githubusercontent.com/x/lib.wasm',
      base,
    );
    expect(r.ok && r.spec).toMatchObject({
      engine: 'webllm',
      id: 'custom:Tiny-MLC',
      modelLib: 'https://raw.githubusercontent.com/x/lib.wasm',
    });
  });

  it('refuses hosts outside the allowed model hosts, and plain http except for this site', () => {
    expect(checkModelUrl('https://evil.example/m.gguf', '', base)).toMatchObject({
      ok: false,
      message: /only loads models/,
    });
    expect(checkModelUrl('http://huggingface.co/m.gguf', '', base).ok).toBe(false);
    expect(checkModelUrl('http://127.0.0.1:4173/__fixtures__/m.gguf', '', base).ok).toBe(true);
    expect(checkModelUrl('https://huggingface.co/o/M-MLC', 'https://evil.example/lib.wasm', base).ok).toBe(
      false,
    );
  });

  it.each(['javascript:alert(1)', 'data:text/plain,hi', 'file:///etc/passwd', '   '])('refuses %s', (u) => {
    expect(checkModelUrl(u, '', base).ok).toBe(false);
  });
});
