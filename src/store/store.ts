/**
 * The one bound store: panes (source data only) and settings. Derived values live in selectors.
 * Engines and workers never go in here.
 */
import { create } from 'zustand';
import type { ModelSpec } from '../engine/types';
import type { DeviceReport } from '../device/probe';
import type { BandwidthResult, MemorySample } from '../engine/types';
import { blindSlice, type BlindSlice } from './blind-slice';
import { paneName } from './blind-view';
import { qualitySlice, type QualitySlice } from './quality-slice';
import { cleanSettingsPatch } from './settings';
import { defaultSettings, emptyPane, PANES, type PaneId, type PaneState, type Settings } from './types';

/**
 * A shared link asks to load models that are not in this browser yet (or to change the settings): nothing
 * is fetched until the visitor says yes. Panes named here count as "about to load", so a prompt sent
 * meanwhile waits for them.
 */
export interface LinkOffer {
  picks: Partial<Record<PaneId, ModelSpec>>;
  settings: Partial<Settings>;
}

/** Memory samples kept per pane for the charts (2 s heartbeats: about 40 minutes). */
export const MEMORY_SAMPLES = 1200;

export interface AppState extends QualitySlice, BlindSlice {
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
  linkOffer: LinkOffer | null;
  /** Parts of a shared link that were refused (a host not allowed, an unknown model), in words. */
  linkProblems: string[];
  /** Panes whose "download now" is running (their prompts wait for the model, like a load). */
  downloading: Record<PaneId, boolean>;
  /** The last save to IndexedDB failed: why, so the page can say so (null when saving works). */
  saveError: string | null;
  /**
   * This tab saves the conversation ('writer'), or another tab does and this one only shows it ('follower');
   * 'unknown' until the tab lock answers.
   */
  tabRole: 'unknown' | 'writer' | 'follower';
  /** Things the reader should know that belong to no pane (e.g. saved data that could not be read). */
  notices: string[];
  dismissNotice: (text: string) => void;
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
  setSettings: (patch) => set((s) => ({ settings: { ...s.settings, ...cleanSettingsPatch(patch) } })),
  linkOffer: null,
  linkProblems: [],
  downloading: { a: false, b: false },
  saveError: null,
  tabRole: 'unknown',
  notices: [],
  dismissNotice: (text) => set((s) => ({ notices: s.notices.filter((n) => n !== text) })),
  ...qualitySlice(set),
  ...blindSlice(set),
}));

export const selectAnyBusy = (s: AppState): boolean =>
  s.panes.a.status === 'generating' || s.panes.b.status === 'generating';

/** Whether a pane's model is on its way (loading, downloading, or named by a link awaiting a yes). */
export function paneIsComing(s: AppState, id: PaneId): boolean {
  return s.panes[id].status === 'loading' || s.downloading[id] || s.linkOffer?.picks[id] !== undefined;
}

/** Why a prompt cannot be sent right now, in words for the prompt area; null when it can. */
export function selectSendBlock(s: AppState): string | null {
  if (s.tabRole === 'follower')
    return 'This conversation is open in another tab, which saves it: send from there, or use it in this tab.';
  const busy = PANES.filter((id) => s.panes[id].status === 'generating').map((id) => paneName(s, id));
  if (busy.length)
    return `${busy.length === 2 ? 'Both panes are' : `${busy[0] ?? ''} is`} still answering: wait, or stop (Esc). Your prompt stays in the box.`;
  if (PANES.some((id) => s.panes[id].status === 'ready' || paneIsComing(s, id))) return null;
  return 'No model is loaded yet: load a model in a pane (or both), then send. A prompt sent while a model loads waits for it.';
}

export const selectCanSend = (s: AppState): boolean => selectSendBlock(s) === null;
