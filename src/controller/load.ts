/** Loading a model into a pane: progress into the store, failures explained, the pane never stuck. */
import type { ModelSpec } from '../engine/types';
import { useStore } from '../store/store';
import type { PaneId } from '../store/types';
import { clientFor, dropClient, existingClient } from './engines';
import { persistNow } from './session';

function onWorkerDeath(pane: PaneId) {
  return (e: { name: string; message: string }): void => {
    const { patchPane } = useStore.getState();
    patchPane(pane, (p) => ({
      status: 'error',
      error: { name: e.name, message: e.message },
      stopping: false,
      // Keep whatever had streamed: a crash never loses a reply.
      messages: p.draft
        ? [
            ...p.messages,
            { id: p.draft.id, role: 'assistant' as const, content: p.draft.text, status: 'error' as const },
          ]
        : p.messages,
      draft: null,
    }));
  };
}

export async function loadModel(pane: PaneId, spec: ModelSpec): Promise<void> {
  const { patchPane } = useStore.getState();
  patchPane(pane, { model: spec, status: 'loading', progress: null, error: null, info: null });
  persistNow();
  const client = clientFor(pane, onWorkerDeath(pane));
  try {
    const info = await client.load(spec, (progress) => patchPane(pane, { progress }));
    patchPane(pane, (p) => ({
      status: 'ready',
      info,
      progress: p.progress
        ? { ...p.progress, phase: 'ready', fraction: 1 }
        : { phase: 'ready', loaded: null, total: null, fraction: 1, text: 'Ready' },
    }));
  } catch (e) {
    const err = e as { name?: string; message?: string };
    patchPane(pane, {
      status: 'error',
      error: { name: err.name ?? 'Error', message: err.message ?? String(e) },
    });
    // A failed load can leave downloads running inside the runtime: a fresh worker is the clean retry.
    dropClient(pane);
  }
}

export async function cancelLoad(pane: PaneId): Promise<void> {
  const c = existingClient(pane);
  if (c) await c.abortLoad().catch(() => undefined);
  dropClient(pane);
  useStore
    .getState()
    .patchPane(pane, { status: 'error', error: { name: 'AbortError', message: 'Loading was cancelled.' } });
}
