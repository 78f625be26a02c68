/**
 * The one bound store: panes (source data only) and settings. Derived values live in selectors.
 * Engines and workers never go in here.
 */
import { create } from 'zustand';
import type { ModelSpec } from '../engine/types';
import type { DeviceReport } from '../device/probe';
import type { BandwidthResult, MemorySample } from '../engine/types';
import { qualitySlice, type QualitySlice } from './quality-slice';
import { defaultSettings, emptyPane, type PaneId, type PaneState, type Settings } from './types';

/** Memory samples kept per pane for the charts (2 s heartbeats: about 40 minutes). */
export const MEMORY_SAMPLES = 1200;

export interface AppState extends QualitySlice {
  panes: Record<PaneId, PaneState>;
  settings: Settings;
  restored: boolean;
  /** What the device offers (null until probed). */
  device: DeviceReport | null;
  /** The model chosen for each pane, loaded or not. */
  picks: Record<PaneId, ModelSpec | null>;
  setPick: (id: PaneId, spec: ModelSpec | null) => void;
  /** Live memory per pane, from the engine worker (not persisted). */
  memory: Record<PaneId, MemorySample[]>;
  pushMemory: (id: PaneId, s: MemorySample) => void;
  /** llama.cpp worker memory (WebAssembly heap included), per pane, measured by the browser. */
  wasm: Record<PaneId, { t: number; bytes: number }[]>;
  pushWasm: (id: PaneId, s: { t: number; bytes: number }) => void;
  /** Memory bandwidth measured on request (for the roofline). */
  bandwidth: { gpu: BandwidthResult | null; cpu: BandwidthResult | null };
  /** The prompt being written (kept here so "edit last prompt" can put text back). */
  composer: string;
  setComposer: (text: string) => void;
  patchPane: (id: PaneId, patch: Partial<PaneState> | ((p: PaneState) => Partial<PaneState>)) => void;
  setSettings: (patch: Partial<Settings>) => void;
}

export const useStore = create<AppState>()((set) => ({
  panes: { a: emptyPane(), b: emptyPane() },
  settings: defaultSettings,
  restored: false,
  device: null,
  picks: { a: null, b: null },
  setPick: (id, spec) => set((s) => ({ picks: { ...s.picks, [id]: spec } })),
  memory: { a: [], b: [] },
  pushMemory: (id, sample) =>
    set((s) => ({ memory: { ...s.memory, [id]: [...s.memory[id].slice(-(MEMORY_SAMPLES - 1)), sample] } })),
  bandwidth: { gpu: null, cpu: null },
  wasm: { a: [], b: [] },
  pushWasm: (id, sample) =>
    set((s) => ({ wasm: { ...s.wasm, [id]: [...s.wasm[id].slice(-(MEMORY_SAMPLES - 1)), sample] } })),
  composer: '',
  setComposer: (composer) => set({ composer }),
  patchPane: (id, patch) =>
    set((s) => {
      const cur = s.panes[id];
      const next = typeof patch === 'function' ? patch(cur) : patch;
      return { panes: { ...s.panes, [id]: { ...cur, ...next } } };
    }),
  setSettings: (patch) => set((s) => ({ settings: { ...s.settings, ...patch } })),
  ...qualitySlice(set),
}));

export const selectPane =
  (id: PaneId) =>
  (s: AppState): PaneState =>
    s.panes[id];

export const selectAnyBusy = (s: AppState): boolean =>
  s.panes.a.status === 'generating' || s.panes.b.status === 'generating';

export const selectCanSend = (s: AppState): boolean =>
  !selectAnyBusy(s) && (s.panes.a.status === 'ready' || s.panes.b.status === 'ready');
