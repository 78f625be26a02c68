/**
 * "Download now, load later": fetches a web-llm model's weights into web-llm's own cache from the page,
 * with progress into the download store (at most 10 updates a second) and one job per pane — a download,
 * or a repair (controller/repair.ts), which runs the same way so its progress shows in the same place.
 */
import { serializeError, type ModelSpec } from '../engine/types';
import { downloadWeights, type DownloadOptions, type DownloadProgress } from '../downloads/downloader';
import { useDownloadStore } from '../downloads/download-store';
import { notifyStorageChange, requestPersistenceAfterFirstDownload } from '../downloads/persistence';
import { afterMs, batcher } from '../lib/batcher';
import { useStore } from '../store/store';
import type { PaneId } from '../store/types';
import { webllmDownloadUrl } from '../catalog/download-size';

/** The MLC repository URL of a web-llm spec (a custom model's own, else the catalog's); null otherwise. */
export const downloadUrlFor = webllmDownloadUrl;

const running: Record<PaneId, AbortController | null> = { a: null, b: null };

type Settled = (pane: PaneId, ok: boolean) => void;
const settledListeners: Settled[] = [];
/** Called when a pane's download ends: finished (ok) or not (failed, cancelled). */
export function onDownloadSettled(fn: Settled): void {
  settledListeners.push(fn);
}

const setDownloading = (pane: PaneId, on: boolean): void =>
  useStore.setState((s) => ({ downloading: { ...s.downloading, [pane]: on } }));

/**
 * Progress reports at most every `ms` (the last one wins), but a new phase or a finished shard at once; the
 * batch's `flush` sends the last.
 */
function throttled(ms: number, send: (p: DownloadProgress) => void) {
  let prev: DownloadProgress | null = null;
  return batcher<DownloadProgress>(
    (reports) => {
      const last = reports.at(-1);
      if (last) send(last);
    },
    afterMs(ms),
    (p) => {
      const changed = p.phase !== prev?.phase || p.shardsDone !== prev.shardsDone;
      prev = p;
      return changed;
    },
  );
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
    const result = await job({ signal: ctl.signal, onProgress: (p) => progress.push(p) });
    progress.flush();
    if (mine()) patch(pane, { status: 'done', report: report(result) });
    ok = true;
    // The first finished download is the moment to ask the browser not to evict it.
    void requestPersistenceAfterFirstDownload();
    return result;
  } catch (e) {
    progress.flush();
    if (!mine()) return null;
    const err = serializeError(e);
    if (err.name === 'AbortError') patch(pane, { status: 'cancelled' });
    else
      patch(pane, {
        status: 'error',
        error: err,
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
