import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanSettings, cleanSettingsPatch, clampSetting, LIMITS } from './settings';
import { defaultSettings } from './types';

describe('settings limits (one place for the form, the store, links and restored sessions)', () => {
  it('clamps numbers into range and rounds the integer settings', () => {
    expect(clampSetting('max_tokens', -1)).toBe(1);
    expect(clampSetting('max_tokens', 1e9)).toBe(LIMITS.max_tokens.max);
    expect(clampSetting('temperature', 5)).toBe(2);
    expect(clampSetting('seed', 2.5)).toBe(3);
    expect(clampSetting('top_p', Number.NaN)).toBeNull();
    expect(clampSetting('top_p', '0.5')).toBeNull();
  });

  it('drops unknown and ill-typed fields, keeps a null seed (random) and clean overrides', () => {
    expect(
      cleanSettingsPatch({
        evil: 1,
        mode: 'fast',
        temperature: 'hot',
        seed: null,
        overrides: { a: { max_tokens: -5 }, b: 7 },
      }),
    ).toEqual({ seed: null, overrides: { a: { max_tokens: 1 }, b: {} } });
  });

  it('whole settings from any value: defaults for what is missing or wrong', () => {
    expect(cleanSettings(null)).toEqual(defaultSettings);
    expect(cleanSettings({ max_tokens: 64, systemPrompt: 'x'.repeat(20_000) })).toMatchObject({
      max_tokens: 64,
      systemPrompt: 'x'.repeat(LIMITS.systemPromptChars),
      temperature: defaultSettings.temperature,
    });
  });

  it('whatever comes in, every number that comes out is in range', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const s = cleanSettings(v);
        const inRange = (k: 'temperature' | 'top_p' | 'max_tokens', x: number | undefined) =>
          x === undefined || (x >= LIMITS[k].min && x <= LIMITS[k].max);
        return (
          inRange('temperature', s.temperature) &&
          inRange('top_p', s.top_p) &&
          inRange('max_tokens', s.max_tokens) &&
          Number.isInteger(s.max_tokens) &&
          (s.seed === null || Number.isInteger(s.seed)) &&
          ['together', 'in-turn'].includes(s.mode) &&
          inRange('max_tokens', s.overrides.a.max_tokens) &&
          inRange('temperature', s.overrides.b.temperature)
        );
      }),
    );
  });
});

describe('prices', () => {
  it('a price per pane in range, null where it is not a number; defaults when absent', () => {
    expect(
      cleanSettingsPatch({
        prices: { a: { inputPerM: 0.06, outputPerM: -3 }, b: { inputPerM: 'x', outputPerM: 1e9 } },
      }).prices,
    ).toEqual({ a: { inputPerM: 0.06, outputPerM: 0 }, b: { inputPerM: null, outputPerM: 10_000 } });
    expect(cleanSettings({}).prices).toEqual({
      a: { inputPerM: null, outputPerM: null },
      b: { inputPerM: null, outputPerM: null },
    });
  });
});
