import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelLabel } from '../../security/model-label';
import { isAllowedModelUrl } from '../../security/model-hosts';
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

  it('never throws; what it accepts is an allowed http(s) URL whose label can be shown', () => {
    const urls = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc
        .tuple(
          fc.constantFrom('https://huggingface.co/', 'http://127.0.0.1:4173/'),
          fc.string({ unit: 'binary' }),
        )
        .map(([host, path]) => `${host}${path}.gguf`),
      fc.constantFrom('https://huggingface.co/o/r/resolve/main/x%E0%A4.gguf', 'http://127.0.0.1:4173/%.gguf'),
    );
    fc.assert(
      fc.property(urls, fc.oneof(fc.constant(''), urls), (url, lib) => {
        const r = checkModelUrl(url, lib, base);
        if (!r.ok) return;
        for (const u of [r.spec.url, r.spec.modelLib]) {
          if (u === undefined) continue;
          const parsed = new URL(u);
          expect(['http:', 'https:']).toContain(parsed.protocol);
          expect(isAllowedModelUrl(parsed, new URL(base).origin)).toBe(true);
        }
        expect(typeof modelLabel(r.spec.id, r.spec.url)).toBe('string');
      }),
    );
  });
});
