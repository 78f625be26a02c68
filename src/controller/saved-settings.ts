/**
 * Saved settings, read field by field: one bad value costs that value (back to its default), not the
 * others. Also the small validators the saved-session schema shares (see session-schema.ts).
 */
import * as v from 'valibot';
import { defaultSettings, PANES, type GenSettings, type RunMode, type Settings } from '../store/types';

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the usual exact type-equality test
export type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Fails to compile unless a schema's output is exactly the store's type. */
export type Assert<T extends true> = T;

export const finite = v.pipe(v.number(), v.finite());
export const nonNegative = v.pipe(finite, v.minValue(0));
export const count = v.pipe(finite, v.integer(), v.minValue(0));
export const MODES = ['together', 'in-turn'] as const satisfies readonly RunMode[];
export const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

const GEN_FIELDS = {
  systemPrompt: v.string(),
  temperature: nonNegative,
  top_p: v.pipe(nonNegative, v.maxValue(1)),
  max_tokens: v.pipe(count, v.minValue(1)),
  seed: v.nullable(count),
} satisfies { [K in keyof GenSettings]: v.GenericSchema<unknown, GenSettings[K]> };

export type SettingsMatchStore = Assert<Same<keyof Settings, keyof GenSettings | 'mode' | 'overrides'>>;

const LABELS: Record<keyof GenSettings, string> = {
  systemPrompt: 'system prompt',
  temperature: 'temperature',
  top_p: 'top p',
  max_tokens: 'max tokens',
  seed: 'seed',
};

/** Each field on its own: one bad value costs that value (back to its default), not the others. */
function readGen<T extends Partial<GenSettings>>(
  raw: Record<string, unknown>,
  into: T,
  bad: string[],
  where = '',
): T {
  for (const key of Object.keys(GEN_FIELDS) as (keyof GenSettings)[]) {
    if (raw[key] === undefined) continue;
    const r = v.safeParse(GEN_FIELDS[key], raw[key]);
    if (r.success) Object.assign(into, { [key]: r.output });
    else bad.push(LABELS[key] + where);
  }
  return into;
}

export function readSettings(raw: unknown, problems: string[]): Settings {
  if (raw === undefined) return defaultSettings;
  if (!isRecord(raw)) {
    problems.push('The saved settings could not be read; the defaults are used.');
    return defaultSettings;
  }
  const bad: string[] = [];
  const settings: Settings = readGen(raw, { ...defaultSettings, overrides: { a: {}, b: {} } }, bad);
  if (raw.mode !== undefined) {
    if (v.is(v.picklist(MODES), raw.mode)) settings.mode = raw.mode;
    else bad.push('run mode');
  }
  const overrides = isRecord(raw.overrides) ? raw.overrides : {};
  if (raw.overrides !== undefined && !isRecord(raw.overrides)) bad.push('per-pane overrides');
  for (const id of PANES) {
    const o = overrides[id];
    const pane = id.toUpperCase();
    if (isRecord(o)) settings.overrides[id] = readGen(o, {}, bad, ` (pane ${pane})`);
    else if (o !== undefined) bad.push(`pane ${pane}'s overrides`);
  }
  if (bad.length)
    problems.push(`Some saved settings could not be read and are back to their defaults: ${bad.join(', ')}.`);
  return settings;
}
