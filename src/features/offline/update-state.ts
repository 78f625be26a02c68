/**
 * Whether a new version of the app is waiting, and what the visitor said about it. Kept here, beside the
 * notice that shows it, rather than in the app's store: it is about the app, not the comparison, and
 * nothing else reads it.
 *
 * - `none`: nothing to say (no new version, or the visitor put it off for this page);
 * - `offline-ready`: first visit: the app is now stored in this browser and opens without a network;
 * - `waiting`: a new version is installed and waits for the visitor;
 * - `requested`: the visitor said yes; the page reloads as soon as no reply, load or check is running;
 * - `elsewhere`: the new version took over from another tab; this page still runs the old one until reloaded.
 */
import { useSyncExternalStore } from 'react';

export type UpdatePhase = 'none' | 'offline-ready' | 'waiting' | 'requested' | 'elsewhere';

interface UpdateState {
  phase: UpdatePhase;
  /** Hands control to the waiting version (its `skipWaiting`); null until the service worker registered. */
  activate: (() => Promise<void>) | null;
}

let state: UpdateState = { phase: 'none', activate: null };
const listeners = new Set<() => void>();

export function getUpdateState(): UpdateState {
  return state;
}

export function setUpdateState(patch: Partial<UpdateState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useUpdateState(): UpdateState {
  return useSyncExternalStore(subscribe, getUpdateState);
}
