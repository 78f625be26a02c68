import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../store/types';
import { buildSetup, parseSetup } from './url-state';

const ids = new Set(['Llama-3.2-3B-Instruct-q4f32_1-MLC', 'Llama-3.1-8B-Instruct-q4f32_1-MLC']);

describe('URL setup', () => {
  it('round-trips a pair and the shared settings', () => {
    const picks = {
      a: { engine: 'webllm' as const, id: 'Llama-3.2-3B-Instruct-q4f32_1-MLC' },
      b: { engine: 'llamacpp' as const, id: 'gguf:https://x.org/m.gguf', url: 'https://x.org/m.gguf' },
    };
    const settings = {
      ...defaultSettings,
      mode: 'in-turn' as const,
      temperature: 0.3,
      seed: 42,
      systemPrompt: 'Be brief.',
    };
    const back = parseSetup('?' + buildSetup(picks, settings), ids);
    expect(back.picks).toEqual(picks);
    expect(back.settings).toMatchObject({
      mode: 'in-turn',
      temperature: 0.3,
      seed: 42,
      systemPrompt: 'Be brief.',
      top_p: 0.95,
      max_tokens: 512,
    });
  });

  it('ignores unknown ids, script URLs and out-of-range numbers', () => {
    const s = parseSetup(
      '?a=javascript:alert(1)&b=Nope-7B&temperature=9&top_p=-1&max_tokens=abc&mode=fast',
      ids,
    );
    expect(s.picks).toEqual({});
    expect(s.settings).toEqual({});
  });

  it('never throws on arbitrary query strings', () => {
    fc.assert(fc.property(fc.string(), (q) => typeof parseSetup(q, ids) === 'object'));
  });
});
