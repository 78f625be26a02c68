import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../store/types';
import { buildSetup, parseSetup } from './url-state';

const ids = new Set(['Llama-3.2-3B-Instruct-q4f32_1-MLC', 'Llama-3.1-8B-Instruct-q4f32_1-MLC']);
const ORIGIN = 'https://tandem.example';

describe('URL setup', () => {
  it('round-trips a pair and the shared settings', () => {
    const picks = {
      a: { engine: 'webllm' as const, id: 'Llama-3.2-3B-Instruct-q4f32_1-MLC' },
      b: {
        engine: 'llamacpp' as const,
        id: 'gguf:https://huggingface.co/x/y/resolve/main/m.gguf',
        url: 'https://huggingface.co/x/y/resolve/main/m.gguf',
      },
    };
    const settings = {
      ...defaultSettings,
      mode: 'in-turn' as const,
      temperature: 0.3,
      seed: 42,
      systemPrompt: 'Be brief.',
    };
    const back = parseSetup('?' + buildSetup(picks, settings), ids, ORIGIN);
    expect(back.picks).toEqual(picks);
    expect(back.blind).toBe(false);
    const blind = parseSetup('?' + buildSetup(picks, settings, { blind: true }), ids, ORIGIN);
    expect(blind.blind).toBe(true);
    expect(blind.picks).toEqual(picks);
    expect(parseSetup('?blind=yes', ids, ORIGIN).blind).toBe(false);
    expect(back.settings).toMatchObject({
      mode: 'in-turn',
      temperature: 0.3,
      seed: 42,
      systemPrompt: 'Be brief.',
      top_p: 0.95,
      max_tokens: 512,
    });
  });

  it('refuses unknown ids and script URLs, saying why, and brings numbers into range', () => {
    const s = parseSetup(
      '?a=javascript:alert(1)&b=Nope-7B&temperature=9&top_p=-1&max_tokens=abc&seed=2.5&mode=fast',
      ids,
      ORIGIN,
    );
    expect(s.picks).toEqual({});
    expect(s.problems).toHaveLength(2);
    expect(s.problems[0]).toMatch(/pane A .*neither a known model nor the address of a \.gguf file/);
    // The same limits as the settings form: out of range is clamped, non-numbers and unknown modes dropped.
    expect(s.settings).toEqual({ temperature: 2, top_p: 0, seed: 3 });
  });

  it('refuses .gguf URLs from hosts models may not come from, and plain http off this site', () => {
    const s = parseSetup(
      `?a=${encodeURIComponent('https://evil.example/m.gguf')}&b=${encodeURIComponent('http://huggingface.co/m.gguf')}`,
      ids,
      ORIGIN,
    );
    expect(s.picks).toEqual({});
    expect(s.problems.join(' ')).toContain('evil.example is not a host this site loads models from');
    expect(s.problems.join(' ')).toContain('huggingface.co is not a host');
    const own = parseSetup(`?a=${encodeURIComponent(`${ORIGIN}/m/x.gguf`)}`, ids, ORIGIN);
    expect(own.picks.a?.url).toBe(`${ORIGIN}/m/x.gguf`);
  });

  it('never throws on arbitrary query strings, and every setting it returns is in range', () => {
    fc.assert(
      fc.property(fc.string(), fc.double(), fc.double(), (q, t, m) => {
        const s = parseSetup(`${q}&temperature=${t}&max_tokens=${m}`, ids, ORIGIN).settings;
        return (
          (s.temperature === undefined || (s.temperature >= 0 && s.temperature <= 2)) &&
          (s.max_tokens === undefined || (Number.isInteger(s.max_tokens) && s.max_tokens >= 1))
        );
      }),
    );
  });
});

describe('URL setup: a remote pane', () => {
  const remote = {
    engine: 'remote' as const,
    id: 'remote:llama3.2:3b @ http://127.0.0.1:11434/v1',
    url: 'http://127.0.0.1:11434/v1',
    serverModel: 'llama3.2:3b',
  };

  it('round-trips as b=<base URL>&bmodel=<model>: no key can be in it (a spec has none)', () => {
    const q = buildSetup({ a: null, b: remote }, defaultSettings);
    expect(new URLSearchParams(q).get('b')).toBe('http://127.0.0.1:11434/v1');
    expect(new URLSearchParams(q).get('bmodel')).toBe('llama3.2:3b');
    expect(parseSetup(`?${q}`, ids, 'http://127.0.0.1:5173').picks).toEqual({ b: remote });
  });

  it('is checked like a typed server address: a host this site may not reach is refused, saying why', () => {
    const s = parseSetup(
      '?a=http://10.0.0.9:8000/v1&amodel=m&b=http://127.0.0.1:8080&bmodel=',
      ids,
      'http://127.0.0.1:5173',
    );
    expect(s.picks).toEqual({});
    expect(s.problems[0]).toMatch(
      /pane A was not loaded: http:\/\/10\.0\.0\.9:8000 is not a server this site may reach/,
    );
    expect(s.problems[1]).toMatch(/pane B was not loaded: it names a server but no model on it/);
  });

  it('an https page refuses plain http to another host (mixed content)', () => {
    const s = parseSetup('?b=http://gpu.lab.example:8000/v1&bmodel=m', ids, ORIGIN);
    expect(s.problems[0]).toMatch(
      /browsers block plain http requests from it to gpu\.lab\.example:8000 \(mixed content\)/,
    );
  });
});
