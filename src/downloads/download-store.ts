/**
 * Per-pane download state: its own small store, apart from the app store, so the (frequent, throttled)
 * progress writes re-render only the download panels. Source data only; the controller writes it.
 */
import { create } from 'zustand';
import type { PaneId } from '../store/types';
import type { DownloadProgress } from './downloader';

export type DownloadStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface PaneDownload {
  status: DownloadStatus;
  /** The model URL (as in the spec or catalog) this state is about. */
  modelUrl: string | null;
  progress: DownloadProgress | null;
  error: { name: string; message: string } | null;
  /** What a repair found and did, in words, once it is done. */
  report: string | null;
}

export const idleDownload: PaneDownload = {
  status: 'idle',
  modelUrl: null,
  progress: null,
  error: null,
  report: null,
};

export interface DownloadState {
  panes: Record<PaneId, PaneDownload>;
  patch: (pane: PaneId, patch: Partial<PaneDownload>) => void;
}

export const useDownloadStore = create<DownloadState>()((set) => ({
  panes: { a: idleDownload, b: idleDownload },
  patch: (pane, patch) => set((s) => ({ panes: { ...s.panes, [pane]: { ...s.panes[pane], ...patch } } })),
}));

/** The pane's download, or an idle one when it is about another model than `modelUrl`. */
export const selectDownload =
  (pane: PaneId, modelUrl: string | null) =>
  (s: DownloadState): PaneDownload => {
    const d = s.panes[pane];
    return modelUrl !== null && d.modelUrl === modelUrl ? d : idleDownload;
  };
