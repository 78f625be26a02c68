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

let restored = false;

/** Brings back the last run and preset table (once per page): a half-finished run can be resumed. */
export async function restoreQuality(): Promise<void> {
  if (restored) return;
  restored = true;
  const [run, presets] = await Promise.all([
    get<QualityRun | null>(RUN_KEY, appStore).catch(() => null),
    get<PresetTable | null>(PRESETS_KEY, appStore).catch(() => null),
  ]);
  const q = useStore.getState().quality;
  // A run started before the saved one arrived wins.
  useStore.getState().patchQuality({
    run: q.run ?? run ?? null,
    presets: q.presets ?? presets ?? null,
  });
}
