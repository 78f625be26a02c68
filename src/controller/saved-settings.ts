/**
 * Saved settings, read field by field: one bad value costs that value (back to its default), not the
 * others. Also the small validators the saved-session schema shares (see session-schema.ts).
 */
import * as v from 'valibot';
import { cleanGenPatch, cleanSettings } from '../store/settings';
import { defaultSettings, PANES, type GenSettings, type RunMode, type Settings } from '../store/types';

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the usual exact type-equality test
export type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Fails to compile unless a schema's output is exactly the store's type. */
export type Assert<T extends true> = T;

export const finite = v.pipe(v.number(), v.finite());
export const count = v.pipe(finite, v.integer(), v.minValue(0));
export const MODES = ['together', 'in-turn'] as const satisfies readonly RunMode[];
export const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

const LABELS: Record<keyof GenSettings, string> = {
  systemPrompt: 'system prompt',
  temperature: 'temperature',
  top_p: 'top p',
  max_tokens: 'max tokens',
  seed: 'seed',
};
const GEN_KEYS = Object.keys(LABELS) as (keyof GenSettings)[];

export type SettingsMatchStore = Assert<
  Same<keyof Settings, keyof GenSettings | 'mode' | 'overrides' | 'prices'>
>;

/**
 * Saved settings go through the same limits as the settings form and links (store/settings.ts), field by
 * field: an unreadable value is back to its default, an out-of-range one is brought into range, and the
 * reader is told which.
 */
export function readSettings(raw: unknown, problems: string[]): Settings {
  if (raw === undefined) return defaultSettings;
  if (!isRecord(raw)) {
    problems.push('The saved settings could not be read; the defaults are used.');
    return defaultSettings;
  }
  const settings = cleanSettings(raw);
  const unreadable: string[] = [];
  const clamped: string[] = [];
  const weigh = (had: Record<string, unknown>, where: string): void => {
    const got = cleanGenPatch(had);
    for (const k of GEN_KEYS) {
      if (had[k] === undefined) continue;
      if (got[k] === undefined) unreadable.push(LABELS[k] + where);
      else if (got[k] !== had[k]) clamped.push(LABELS[k] + where);
    }
  };
  weigh(raw, '');
  if (raw.mode !== undefined && raw.mode !== settings.mode) unreadable.push('run mode');
  if (raw.overrides !== undefined && !isRecord(raw.overrides)) unreadable.push('per-pane overrides');
  const overrides = isRecord(raw.overrides) ? raw.overrides : {};
  for (const id of PANES) {
    const o = overrides[id];
    const pane = id.toUpperCase();
    if (isRecord(o)) weigh(o, ` (pane ${pane})`);
    else if (o !== undefined) unreadable.push(`pane ${pane}'s overrides`);
  }
  if (unreadable.length)
    problems.push(
      `Some saved settings could not be read and are back to their defaults: ${unreadable.join(', ')}.`,
    );
  if (clamped.length)
    problems.push(
      `Some saved settings were out of range and were brought into range: ${clamped.join(', ')}.`,
    );
  return settings;
}
