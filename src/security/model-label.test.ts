import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelLabel } from './model-label';

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

describe('modelLabel', () => {
  it('names a GGUF file with its host and repository', () => {
    expect(
      modelLabel(
        'gguf:https://huggingface.co/bartowski/Llama-3.2-3B-Instruct-GGUF/resolve/main/Llama-3.2-3B-Instruct-Q4_K_M.gguf',
      ),
    ).toBe('Llama-3.2-3B-Instruct-Q4_K_M.gguf from huggingface.co/bartowski/Llama-3.2-3B-Instruct-GGUF');
    expect(modelLabel('gguf:http://127.0.0.1:4173/__fixtures__/story.gguf')).toBe(
      'story.gguf from 127.0.0.1:4173/__fixtures__',
    );
  });

  it('shows a spoofing name with where it really comes from, overrides removed', () => {
    const label = modelLabel(
      'gguf:https://huggingface.co/evil/x/resolve/main/(official)%20Llama%E2%80%AEfgg.gguf',
    );
    expect(label).toBe('(official) Llamafgg.gguf from huggingface.co/evil/x');
  });

  it('does not throw on a bad percent-escape (it blanked the app)', () => {
    expect(modelLabel('gguf:http://127.0.0.1:4173/__fixtures__/story%E0%A4.gguf')).toBe(
      'story%E0%A4.gguf from 127.0.0.1:4173/__fixtures__',
    );
  });

  it('names a custom web-llm model by its repository', () => {
    expect(modelLabel('custom:Tiny-MLC', 'https://huggingface.co/org/Tiny-MLC/resolve/main/')).toBe(
      'Tiny-MLC from huggingface.co/org/Tiny-MLC',
    );
    expect(modelLabel('custom:Tiny%E2%80%AE-MLC')).toBe('Tiny-MLC');
    expect(modelLabel('Llama-3.2-3B-Instruct-q4f32_1-MLC')).toBe('Llama-3.2-3B-Instruct-q4f32_1-MLC');
  });

  it('never throws and never shows an invisible character, for any id or URL', () => {
    const anyText = fc.string({ unit: 'binary', maxLength: 60 });
    const urlish = fc.tuple(fc.webUrl(), anyText).map(([u, tail]) => `${u}/${tail}`);
    fc.assert(
      fc.property(
        fc.constantFrom('gguf:', 'custom:', ''),
        fc.oneof(urlish, anyText),
        anyText,
        (p, rest, url) => {
          const label = modelLabel(p + rest, url);
          expect(INVISIBLE.test(label)).toBe(false);
          expect(label.length).toBeLessThan(400);
        },
      ),
    );
  });
});
