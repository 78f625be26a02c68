/**
 * Presentation mode's part of the store: whether it is on, whether a link asked for it (it opens once the
 * linked models are loaded), the demo run, and the demo script (saved with the session).
 */
import { defaultDemo, newRun, type DemoRun } from './demo';

export interface PresentState {
  on: boolean;
  /** A link asked for presentation mode (`present=1`): it opens once the linked models are ready. */
  pending: boolean;
  run: DemoRun;
}

export const initialPresent: PresentState = { on: false, pending: false, run: newRun() };

export interface PresentSlice {
  present: PresentState;
  /** The demo script: one prompt per step. */
  demo: string[];
  patchPresent: (patch: Partial<PresentState>) => void;
}

export const presentSlice = (
  set: (fn: (s: PresentSlice) => Partial<PresentSlice>) => void,
): PresentSlice => ({
  present: initialPresent,
  demo: defaultDemo(),
  patchPresent: (patch) => set((s) => ({ present: { ...s.present, ...patch } })),
});
