/** Loading a model into a pane: progress into the store, failures explained, the pane never stuck. */
import type { ModelSpec } from '../engine/types';
import { useStore } from '../store/store';
import type { PaneId } from '../store/types';
import { clientFor, dropClient, existingClient } from './engines';
import { cancelDownload } from './download';
import { preflight } from './preflight';
import { persistNow } from './session';

const lastRecovery: Record<PaneId, number> = { a: 0, b: 0 };
const RECOVERY_INTERVAL_MS = 60_000;

function onWorkerDeath(pane: PaneId) {
  return (e: { name: string; message: string }): void => {
    const { patchPane } = useStore.getState();
    const before = useStore.getState().panes[pane];
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
    persistNow();
    // A new worker replaces the dead one and reloads the model (from the browser's cache), once a minute at most.
    const wasRunning = before.status === 'ready' || before.status === 'generating';
    if (before.model && wasRunning && Date.now() - lastRecovery[pane] > RECOVERY_INTERVAL_MS) {
      lastRecovery[pane] = Date.now();
      const model = before.model;
      void loadModel(pane, model).then(() =>
        useStore.getState().patchPane(pane, (p) =>
          p.status === 'ready'
            ? {
                notice: `The engine stopped unexpectedly (${e.message}) and was restarted. Your conversation is kept.`,
              }
            : {},
        ),
      );
    }
  };
}

/** The newest load per pane; an older one that ends later must not touch the pane. */
const latest: Record<PaneId, number> = { a: 0, b: 0 };

export async function loadModel(pane: PaneId, spec: ModelSpec): Promise<void> {
  const ticket = ++latest[pane];
  const current = (): boolean => latest[pane] === ticket;
  const { patchPane, device } = useStore.getState();
  const blocked = preflight(spec, device);
  if (blocked) {
    patchPane(pane, { model: spec, status: 'error', progress: null, error: blocked, info: null });
    return;
  }
  // A load fetches whatever weights are missing itself: a download running in this pane would fetch them twice.
  cancelDownload(pane);
  patchPane(pane, { model: spec, status: 'loading', progress: null, error: null, info: null, notice: null });
  persistNow();
  const client = clientFor(pane, onWorkerDeath(pane));
  try {
    const info = await client.load(spec, (progress) => {
      if (!current()) return;
      // Later phases (compile, warm-up) carry no byte counts: keep the last known ones on screen.
      patchPane(pane, (p) => ({
        progress:
          progress.loaded === null && p.progress?.loaded != null
            ? { ...progress, loaded: p.progress.loaded, total: p.progress.total }
            : progress,
      }));
    });
    if (!current()) return;
    patchPane(pane, (p) => ({
      status: 'ready',
      info,
      progress: p.progress
        ? { ...p.progress, phase: 'ready', fraction: 1 }
        : { phase: 'ready', loaded: null, total: null, fraction: 1, text: 'Ready' },
    }));
  } catch (e) {
    if (!current()) return;
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
  latest[pane]++;
  const c = existingClient(pane);
  if (c) await c.abortLoad().catch(() => undefined);
  dropClient(pane);
  useStore
    .getState()
    .patchPane(pane, { status: 'error', error: { name: 'AbortError', message: 'Loading was cancelled.' } });
}

/** Loads both panes' picks one after the other (two parallel downloads fight for network and GPU). */
export async function loadPair(): Promise<void> {
  const { picks } = useStore.getState();
  for (const pane of ['a', 'b'] as const) {
    const spec = picks[pane];
    // One pane failing never blocks the other: loadModel reports its own failure in its pane.
    if (spec) await loadModel(pane, spec);
  }
}
