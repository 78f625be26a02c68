/** The quality run and the preset table, saved in the app's IndexedDB store after every answer. */
import { get, set } from 'idb-keyval';
import type { PresetTable, QualityRun } from '../quality/types';
import { useStore } from '../store/store';
import { appStore } from './persist';

const RUN_KEY = 'quality-run-v1';
const PRESETS_KEY = 'quality-presets-v1';

export function saveRun(run: QualityRun | null): Promise<void> {
  return set(RUN_KEY, run, appStore).catch(() => undefined);
}

export function savePresets(table: PresetTable | null): Promise<void> {
  return set(PRESETS_KEY, table, appStore).catch(() => undefined);
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** Saved data is not trusted: a run or table of another shape (an older version, a damaged store) is dropped. */
export function isRunLike(x: unknown): x is QualityRun {
  if (
    !isObject(x) ||
    !isObject(x.config) ||
    !isObject(x.models) ||
    !isObject(x.answers) ||
    !isObject(x.shots)
  )
    return false;
  const { questions, answers, skipped } = x;
  return (
    typeof x.config.seed === 'number' &&
    Array.isArray(questions) &&
    Array.isArray(skipped) &&
    Array.isArray(answers.a) &&
    Array.isArray(answers.b) &&
    questions.every(
      (q: unknown) =>
        isObject(q) &&
        typeof q.question === 'string' &&
        Array.isArray(q.choices) &&
        typeof q.answer === 'number',
    )
  );
}

export function isPresetTableLike(x: unknown): x is PresetTable {
  return isObject(x) && isObject(x.models) && isObject(x.results) && typeof x.createdAt === 'number';
}

let restored = false;

/** Brings back the last run and preset table (once per page): a half-finished run can be resumed. */
export async function restoreQuality(): Promise<void> {
  if (restored) return;
  restored = true;
  const [run, presets] = await Promise.all([
    get<unknown>(RUN_KEY, appStore).catch(() => null),
    get<unknown>(PRESETS_KEY, appStore).catch(() => null),
  ]);
  const q = useStore.getState().quality;
  // A run started before the saved one arrived wins.
  useStore.getState().patchQuality({
    run: q.run ?? (isRunLike(run) ? run : null),
    presets: q.presets ?? (isPresetTableLike(presets) ? presets : null),
  });
}
