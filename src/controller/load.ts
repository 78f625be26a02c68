/** Loading a model into a pane: progress into the store, failures explained, the pane never stuck. */
import { serializeError, type ModelSpec } from '../engine/types';
import { displayOrder } from '../store/blind-view';
import { useStore } from '../store/store';
import type { PaneId } from '../store/types';
import { clientFor, dropClient, existingClient } from './engines';
import { cancelDownload, onDownloadSettled } from './download';
import { preflight } from './preflight';
import { drainQueue, missQueued } from './queue';
import { forgetRemoteKey, remoteKeyFor } from './remote-keys';
import { persistNow } from './session';
import { placeReply } from '../store/transcript';

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
        ? placeReply(p.messages, p.draft.replyTo, {
            id: p.draft.id,
            role: 'assistant',
            content: p.draft.text,
            status: 'error',
          })
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
    missQueued(pane, 'this pane’s model cannot run on this device');
    return;
  }
  // A remote pane connects only with a key (or "no key") the visitor gave in this tab: never by itself.
  const apiKey = spec.engine === 'remote' ? remoteKeyFor(pane) : null;
  if (apiKey === undefined) {
    patchPane(pane, { model: spec, status: 'empty', progress: null, error: null, info: null });
    missQueued(pane, 'this pane’s server was not connected');
    return;
  }
  if (spec.engine !== 'remote') forgetRemoteKey(pane);
  // A load fetches whatever weights are missing itself: a download running in this pane would fetch them twice.
  cancelDownload(pane);
  patchPane(pane, { model: spec, status: 'loading', progress: null, error: null, info: null, notice: null });
  persistNow();
  const client = clientFor(pane, onWorkerDeath(pane));
  try {
    const info = await client.load(
      spec,
      (progress) => {
        if (!current()) return;
        // Later phases (compile, warm-up) carry no byte counts: keep the last known ones on screen.
        patchPane(pane, (p) => ({
          progress:
            progress.loaded === null && p.progress?.loaded != null
              ? { ...progress, loaded: p.progress.loaded, total: p.progress.total }
              : progress,
        }));
      },
      { apiKey: apiKey || null },
    );
    if (!current()) return;
    patchPane(pane, (p) => ({
      status: 'ready',
      info,
      progress: p.progress
        ? { ...p.progress, phase: 'ready', fraction: 1 }
        : { phase: 'ready', loaded: null, total: null, fraction: 1, text: 'Ready' },
    }));
    // Prompts sent while the model loaded run now, in order.
    void drainQueue(pane);
  } catch (e) {
    if (!current()) return;
    const err = serializeError(e);
    patchPane(pane, {
      status: 'error',
      error: err,
    });
    missQueued(pane, 'this pane’s model failed to load');
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
  missQueued(pane, 'loading was cancelled');
}

/**
 * Loads the given panes' picks one after the other (two parallel downloads fight for network and GPU);
 * both panes' picks when none are given.
 */
export async function loadPair(panes: readonly PaneId[] = ['a', 'b']): Promise<void> {
  const { picks, patchPane } = useStore.getState();
  // In the order the page shows them (while blind, the order would otherwise tell pane A from pane B).
  const todo = displayOrder(useStore.getState()).filter((p) => panes.includes(p) && picks[p]);
  // Panes after the first show at once that their load is coming, so a prompt sent meanwhile waits for them.
  for (const pane of todo.slice(1))
    patchPane(pane, {
      model: picks[pane],
      status: 'loading',
      error: null,
      info: null,
      progress: { phase: 'queued', loaded: null, total: null, fraction: 0, text: 'Waiting' },
    });
  for (const [i, pane] of todo.entries()) {
    const p = useStore.getState().panes[pane];
    // Cancelled (or replaced by another load) while it waited: leave it as the user left it.
    if (i > 0 && (p.status !== 'loading' || p.progress?.phase !== 'queued')) continue;
    const spec = picks[pane];
    // One pane failing never blocks the other: loadModel reports its own failure in its pane.
    if (spec) await loadModel(pane, spec);
  }
}

// A finished "download now" in a pane with prompts waiting for it: load the model so they can run.
onDownloadSettled((pane, ok) => {
  const p = useStore.getState().panes[pane];
  // A load that took over from the download (it cancels it) brings the model itself.
  if (p.status === 'loading' || !p.messages.some((m) => m.delivery?.state === 'queued')) return;
  const spec = useStore.getState().picks[pane];
  if (ok && spec) void loadModel(pane, spec);
  else missQueued(pane, 'the download did not finish');
});
