/**
 * The one place that says what a setting may be. The settings form, the store, a shared link and a restored
 * session all go through `cleanSettings`, so none of them can hand an engine a value it would misread
 * (max tokens −1 means "unbounded" to llama.cpp; a seed of 2.5 is not a seed).
 */
import { defaultSettings, noPrice, type GenSettings, type Price, type RunMode, type Settings } from './types';

export const LIMITS = {
  temperature: { min: 0, max: 2, step: 0.1 },
  top_p: { min: 0, max: 1, step: 0.05 },
  max_tokens: { min: 1, max: 8192, step: 1 },
  seed: { min: 0, max: 2 ** 31 - 1, step: 1 },
  /** US dollars per 1M tokens (a remote pane's price). */
  price: { min: 0, max: 10_000, step: 0.01 },
  systemPromptChars: 8000,
} as const;

type NumberKey = 'temperature' | 'top_p' | 'max_tokens' | 'seed' | 'price';
const INTEGER: ReadonlySet<NumberKey> = new Set(['max_tokens', 'seed']);

/** A number for setting `k`, brought into range (integers rounded); null for anything that is not a number. */
export function clampSetting(k: NumberKey, v: unknown): number | null {
  if (typeof v !== 'number' || !Number.isFinite(v)) return null;
  const { min, max } = LIMITS[k];
  const n = INTEGER.has(k) ? Math.round(v) : v;
  return Math.min(max, Math.max(min, n));
}

function cleanSystem(v: unknown): string | undefined {
  return typeof v === 'string' ? v.slice(0, LIMITS.systemPromptChars) : undefined;
}

/** Only the valid, in-range fields of a partial generation setting (an override or a link's values). */
export function cleanGenPatch(p: Readonly<Record<string, unknown>>): Partial<GenSettings> {
  const out: Partial<GenSettings> = {};
  const system = cleanSystem(p.systemPrompt);
  if (system !== undefined) out.systemPrompt = system;
  for (const k of ['temperature', 'top_p', 'max_tokens'] as const) {
    const v = clampSetting(k, p[k]);
    if (v !== null) out[k] = v;
  }
  if (p.seed === null) out.seed = null;
  else {
    const seed = clampSetting('seed', p.seed);
    if (seed !== null) out.seed = seed;
  }
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const MODES: readonly RunMode[] = ['together', 'in-turn'];

/** A price with each figure in range, or null where it is not a number. */
export function cleanPrice(p: unknown): Price {
  if (!isRecord(p)) return noPrice;
  return { inputPerM: clampSetting('price', p.inputPerM), outputPerM: clampSetting('price', p.outputPerM) };
}

/** A patch to the settings with every field checked; unknown and invalid fields are dropped. */
export function cleanSettingsPatch(p: unknown): Partial<Settings> {
  if (!isRecord(p)) return {};
  const out: Partial<Settings> = cleanGenPatch(p);
  if (MODES.includes(p.mode as RunMode)) out.mode = p.mode as RunMode;
  if (isRecord(p.overrides)) {
    const o = p.overrides;
    out.overrides = {
      a: isRecord(o.a) ? cleanGenPatch(o.a) : {},
      b: isRecord(o.b) ? cleanGenPatch(o.b) : {},
    };
  }
  if (isRecord(p.prices)) {
    out.prices = { a: cleanPrice(p.prices.a), b: cleanPrice(p.prices.b) };
  }
  return out;
}

/** Whole settings from anything (a saved record, say): defaults for whatever is missing or wrong. */
export function cleanSettings(v: unknown): Settings {
  const patch = cleanSettingsPatch(v);
  const overrides = patch.overrides ?? defaultSettings.overrides;
  const prices = patch.prices ?? defaultSettings.prices;
  return { ...defaultSettings, ...patch, overrides: { ...overrides }, prices: { ...prices } };
}
