/** Remote panes from the page's side: listing a server's models, checking a pick, connecting a pane. */
import { listModels, type ModelList } from '../engine/remote/http';
import { remoteSpec } from '../engine/remote/spec';
import type { ModelSpec } from '../engine/types';
import { checkRemoteUrl } from '../security/remote-url';
import { useStore } from '../store/store';
import type { PaneId } from '../store/types';
import { loadModel } from './load';
import { setRemoteKey } from './remote-keys';

/**
 * The models a server lists (GET /models), for the picker; null when it lists none. Throws the remote
 * engine's named errors (unreachable, CORS, key refused…), which explainError words for the visitor.
 */
export async function listServerModels(rawUrl: string, key: string): Promise<ModelList | null> {
  const check = checkRemoteUrl(rawUrl, window.location.href);
  if (!check.ok) {
    const e = new Error(check.message);
    e.name = 'RemoteRefusedError';
    throw e;
  }
  return listModels(
    { baseUrl: check.baseUrl, host: check.host, model: '', apiKey: key.trim() || null },
    AbortSignal.timeout(15_000),
  );
}

/** The spec for a typed server address and model, or the reason it is refused. */
export function remotePick(rawUrl: string, model: string): { spec: ModelSpec } | { problem: string } {
  const check = checkRemoteUrl(rawUrl, window.location.href);
  if (!check.ok) return { problem: check.message };
  if (!model.trim())
    return { problem: 'Name the model to use (pick one the server lists, or type its name).' };
  return { spec: remoteSpec(check.baseUrl, model.trim()) };
}

/** Connects a pane to a server: the key is kept in memory for this tab, then the pane loads as any other. */
export async function connectRemote(pane: PaneId, spec: ModelSpec, key: string): Promise<void> {
  setRemoteKey(pane, key);
  useStore.getState().setPick(pane, spec);
  await loadModel(pane, spec);
}
