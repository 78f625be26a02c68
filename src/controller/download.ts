/**
 * "Download now, load later": fetches a web-llm model's weights into web-llm's own cache from the page,
 * with progress into the download store (at most 10 updates a second) and one job per pane — a download,
 * or a repair (controller/repair.ts), which runs the same way so its progress shows in the same place.
 */
import type { ModelSpec } from '../engine/types';
import { downloadWeights, type DownloadOptions, type DownloadProgress } from '../downloads/downloader';
import { useDownloadStore } from '../downloads/download-store';
import { notifyStorageChange, requestPersistenceAfterFirstDownload } from '../downloads/persistence';
import { findModel } from '../features/models/catalog';
import { useStore } from '../store/store';
import type { PaneId } from '../store/types';

/** The MLC repository URL of a web-llm spec (a custom model's own, else the catalog's); null otherwise. */
export function downloadUrlFor(spec: ModelSpec): string | null {
  if (spec.engine !== 'webllm') return null;
  return spec.url ?? findModel(spec.id)?.model ?? null;
}

const running: Record<PaneId, AbortController | null> = { a: null, b: null };

type Settled = (pane: PaneId, ok: boolean) => void;
const settledListeners: Settled[] = [];
/** Called when a pane's download ends: finished (ok) or not (failed, cancelled). */
export function onDownloadSettled(fn: Settled): void {
  settledListeners.push(fn);
}

const setDownloading = (pane: PaneId, on: boolean): void =>
  useStore.setState((s) => ({ downloading: { ...s.downloading, [pane]: on } }));

/** Passes reports through at most every `ms`, but phase and shard changes at once; `flush` sends the last. */
function throttled(ms: number, send: (p: DownloadProgress) => void) {
  let last = -Infinity;
  let prev: DownloadProgress | null = null;
  let pending: DownloadProgress | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (pending) send(pending);
    pending = null;
    last = performance.now();
  };
  const push = (p: DownloadProgress): void => {
    const changed = p.phase !== prev?.phase || p.shardsDone !== prev.shardsDone;
    prev = p;
    pending = p;
    if (changed || performance.now() - last >= ms) flush();
    else timer ??= setTimeout(flush, ms);
  };
  return { push, flush };
}

/** A job's result, or null when it failed or was cancelled (the store then says which). */
export async function runPaneJob<T>(
  pane: PaneId,
  modelUrl: string,
  job: (opts: Pick<DownloadOptions, 'signal' | 'onProgress'>) => Promise<T>,
  report: (result: T) => string | null = () => null,
): Promise<T | null> {
  const { patch } = useDownloadStore.getState();
  running[pane]?.abort();
  const ctl = new AbortController();
  running[pane] = ctl;
  const mine = (): boolean => running[pane] === ctl;
  patch(pane, { status: 'running', modelUrl, progress: null, error: null, report: null });
  setDownloading(pane, true);
  const progress = throttled(100, (p) => mine() && patch(pane, { progress: p }));
  let ok = false;
  try {
    const result = await job({ signal: ctl.signal, onProgress: progress.push });
    progress.flush();
    if (mine()) patch(pane, { status: 'done', report: report(result) });
    ok = true;
    // The first finished download is the moment to ask the browser not to evict it.
    void requestPersistenceAfterFirstDownload();
    return result;
  } catch (e) {
    progress.flush();
    if (!mine()) return null;
    const err = e as { name?: string; message?: string };
    if (err.name === 'AbortError') patch(pane, { status: 'cancelled' });
    else
      patch(pane, {
        status: 'error',
        error: { name: err.name ?? 'Error', message: err.message ?? String(e) },
      });
    return null;
  } finally {
    if (mine()) {
      running[pane] = null;
      setDownloading(pane, false);
      for (const fn of settledListeners) fn(pane, ok);
    }
    notifyStorageChange();
  }
}

export async function downloadModel(pane: PaneId, spec: ModelSpec): Promise<void> {
  const modelUrl = downloadUrlFor(spec);
  if (modelUrl) await runPaneJob(pane, modelUrl, (opts) => downloadWeights(modelUrl, opts));
}

/** Stops the pane's download (or repair); shards already stored stay in the cache. */
export function cancelDownload(pane: PaneId): void {
  running[pane]?.abort();
}
