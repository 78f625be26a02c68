/**
 * Blind comparison's part of the store, as source data: whether blind mode is on, which pane is shown as
 * "Model 1" (on the left), the round, and the votes. What the page may show is derived (store/blind.ts).
 */
import type { Vote } from '../quality/votes';
import type { PaneId } from './types';

export interface BlindState {
  on: boolean;
  /** The pane shown as Model 1, on the left; the other pane is Model 2. Drawn at random. */
  model1: PaneId;
  /** The current (or last) blind round: 0 before the first. Each start of blind mode begins a new one. */
  round: number;
  /** Hide speed figures too (names, sizes and memory are always hidden while blind). */
  hideSpeed: boolean;
}

export const initialBlind: BlindState = { on: false, model1: 'a', round: 0, hideSpeed: false };

export interface BlindSlice {
  blind: BlindState;
  /** Every vote of every round, oldest first. */
  votes: Vote[];
  patchBlind: (patch: Partial<BlindState>) => void;
  setVotes: (fn: (votes: Vote[]) => Vote[]) => void;
}

export const blindSlice = (set: (fn: (s: BlindSlice) => Partial<BlindSlice>) => void): BlindSlice => ({
  blind: initialBlind,
  votes: [],
  patchBlind: (patch) => set((s) => ({ blind: { ...s.blind, ...patch } })),
  setVotes: (fn) => set((s) => ({ votes: fn(s.votes) })),
});
