/** One engine client (one worker) per pane. Lives outside the store. */
import { EngineClient, type EngineError } from '../engine/client';
import { useStore } from '../store/store';
import type { PaneId } from '../store/types';

const clients = new Map<PaneId, EngineClient>();

export function clientFor(pane: PaneId, onDeath: (e: EngineError) => void): EngineClient {
  const cur = clients.get(pane);
  if (cur?.alive) return cur;
  const c = new EngineClient(onDeath);
  c.onMemory = (s) => useStore.getState().pushMemory(pane, s);
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
