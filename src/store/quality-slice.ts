/**
 * The quality check's part of the store: the MMLU run (finished or not) and the preset table, as source
 * data, plus what the runner is doing now. Scores and intervals are derived (src/quality/score.ts).
 */
import type { PresetTable, QualityRun } from '../quality/types';
import type { PaneId } from './types';

export type RunnerPhase = 'idle' | 'fetching' | 'running' | 'stopping';

export interface QualityState {
  run: QualityRun | null;
  phase: RunnerPhase;
  /** What the runner is doing, in words ("Fetching…", "trying again in 2 s"). */
  note: string;
  /** Why the run stopped early and what to do, or null. */
  error: string | null;
  /** The question being asked now, and of which pane. */
  current: { index: number; pane: PaneId } | null;
  presets: PresetTable | null;
  presetPhase: RunnerPhase;
  presetError: string | null;
  /** The preset being asked now, and of which pane. */
  presetCurrent: { id: string; pane: PaneId } | null;
}

export const initialQuality: QualityState = {
  run: null,
  phase: 'idle',
  note: '',
  error: null,
  current: null,
  presets: null,
  presetPhase: 'idle',
  presetError: null,
  presetCurrent: null,
};

export interface QualitySlice {
  quality: QualityState;
  patchQuality: (patch: Partial<QualityState> | ((q: QualityState) => Partial<QualityState>)) => void;
}

export const qualitySlice = (
  set: (fn: (s: QualitySlice) => Partial<QualitySlice>) => void,
): QualitySlice => ({
  quality: initialQuality,
  patchQuality: (patch) =>
    set((s) => ({ quality: { ...s.quality, ...(typeof patch === 'function' ? patch(s.quality) : patch) } })),
});
