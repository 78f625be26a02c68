/** One engine client (one worker) per pane. Lives outside the store. */
import { EngineClient, type EngineError } from '../engine/client';
import { useStore } from '../store/store';
import type { PaneId } from '../store/types';

const clients = new Map<PaneId, EngineClient>();

/**
 * The GPU went away under a loaded model (web-llm would only log it and fail the next request): say which
 * model and why, keep the transcript, and leave the pane ready to reload from the cache.
 */
export function markGpuLost(pane: PaneId, info: { reason: string; message: string }): void {
  const p = useStore.getState().panes[pane];
  if (p.status !== 'ready' && p.status !== 'generating') return;
  useStore.getState().patchPane(pane, {
    status: 'error',
    error: {
      name: 'DeviceLostError',
      message: `The GPU device running ${p.model?.id ?? 'this model'} was lost (${info.reason}): ${info.message || 'no detail given'}`,
    },
  });
}

export function clientFor(pane: PaneId, onDeath: (e: EngineError) => void): EngineClient {
  const cur = clients.get(pane);
  if (cur?.alive) return cur;
  const c = new EngineClient(onDeath);
  c.onMemory = (s) => useStore.getState().pushMemory(pane, s);
  c.onGpuLost = (info) => markGpuLost(pane, info);
  clients.set(pane, c);
  return c;
}

export function existingClient(pane: PaneId): EngineClient | undefined {
  const c = clients.get(pane);
  return c?.alive ? c : undefined;
}

export function dropClient(pane: PaneId): void {
  clients.get(pane)?.terminate();
  clients.delete(pane);
}
