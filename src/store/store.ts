/**
 * The one bound store: panes (source data only) and settings. Derived values live in selectors.
 * Engines and workers never go in here.
 */
import { create } from 'zustand';
import { defaultSettings, emptyPane, type PaneId, type PaneState, type Settings } from './types';

export interface AppState {
  panes: Record<PaneId, PaneState>;
  settings: Settings;
  restored: boolean;
  patchPane: (id: PaneId, patch: Partial<PaneState> | ((p: PaneState) => Partial<PaneState>)) => void;
  setSettings: (patch: Partial<Settings>) => void;
}

export const useStore = create<AppState>()((set) => ({
  panes: { a: emptyPane(), b: emptyPane() },
  settings: defaultSettings,
  restored: false,
  patchPane: (id, patch) =>
    set((s) => {
      const cur = s.panes[id];
      const next = typeof patch === 'function' ? patch(cur) : patch;
      return { panes: { ...s.panes, [id]: { ...cur, ...next } } };
    }),
  setSettings: (patch) => set((s) => ({ settings: { ...s.settings, ...patch } })),
}));

export const selectPane =
  (id: PaneId) =>
  (s: AppState): PaneState =>
    s.panes[id];

export const selectAnyBusy = (s: AppState): boolean =>
  s.panes.a.status === 'generating' || s.panes.b.status === 'generating';

export const selectCanSend = (s: AppState): boolean =>
  !selectAnyBusy(s) && (s.panes.a.status === 'ready' || s.panes.b.status === 'ready');
