import { cancelDownload, downloadModel, downloadUrlFor } from '../../controller/download';
import { repairDownload } from '../../controller/repair';
import type { DownloadPhase, DownloadProgress } from '../../downloads/downloader';
import { selectDownload, useDownloadStore } from '../../downloads/download-store';
import { explainDownloadError } from '../../downloads/errors';
import { useStore } from '../../store/store';
import type { PaneId } from '../../store/types';
import { formatBytes, formatPercent } from '../../ui/format';
import { ProgressBar } from '../../ui/progress-bar';

const PHASE: Record<DownloadPhase, string> = {
  manifest: 'Reading the weight list',
  checking: 'Checking the cache',
  downloading: 'Downloading',
  retrying: 'Connection trouble, retrying',
  done: 'Downloaded',
};

const CHECKS = {
  published: 'Each shard is checked against the SHA-256 Hugging Face publishes for it before it is stored.',
  unavailable:
    'No SHA-256 is published for these files: each shard is checked by size only before it is stored.',
} as const;

function formatSpeed(bps: number | null): string {
  return bps === null ? '— MB/s' : `${(bps / 1024 ** 2).toFixed(1)} MB/s`;
}

function formatEta(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return '—';
  const t = Math.ceil(s);
  if (t < 60) return `${t} s`;
  if (t < 3600) return `${Math.floor(t / 60)} min ${t % 60} s`;
  return `${Math.floor(t / 3600)} h ${Math.floor((t % 3600) / 60)} min`;
}

function Progress({ name, p }: { name: string; p: DownloadProgress }) {
  const fraction = p.total > 0 ? p.loaded / p.total : 0;
  const exact = `${p.loaded.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} bytes`;
  return (
    <>
      <ProgressBar
        label={`Pane ${name} download progress`}
        fraction={fraction}
        valueText={`${formatPercent(fraction)}, ${exact}`}
      />
      <p className="load-text" title={exact}>
        {PHASE[p.phase]} · {formatBytes(p.loaded)} / {formatBytes(p.total)} · {formatPercent(fraction)} ·{' '}
        {formatSpeed(p.bytesPerS)} · ETA {formatEta(p.etaS)} · shards {p.shardsDone}/{p.shardsTotal}
      </p>
      {p.hashes && <p className="hint">{CHECKS[p.hashes]}</p>}
    </>
  );
}

/**
 * "Download now, load later" for a pane's web-llm pick: fetches its weights into web-llm's cache.
 * `part="start"` is only the way to start one (shown while none has started or after a cancel);
 * `part="status"` is a download in progress, finished or failed (the pane's status area).
 */
export function DownloadPanel({ pane, part }: { pane: PaneId; part: 'start' | 'status' }) {
  const name = pane.toUpperCase();
  const pick = useStore((s) => s.picks[pane]);
  const loading = useStore((s) => s.panes[pane].status === 'loading');
  const modelUrl = pick ? downloadUrlFor(pick) : null;
  const d = useDownloadStore(selectDownload(pane, modelUrl));
  const startable = d.status === 'idle' || d.status === 'cancelled';
  if (!pick || !modelUrl || (part === 'start') !== startable) return null;
  const start = (): void => void downloadModel(pane, pick);
  const why = d.error ? explainDownloadError(d.error) : null;
  return (
    <div className="download-panel" role="group" aria-label={`Pane ${name} download`}>
      {(d.status === 'idle' || d.status === 'cancelled') && (
        <button type="button" disabled={loading} onClick={start}>
          Download model for pane {name}
        </button>
      )}
      {d.status === 'idle' && (
        <span className="hint"> Download now, load later: the weights go to this browser’s cache.</span>
      )}
      {d.status === 'cancelled' && <span> Download cancelled; finished shards are kept.</span>}
      {d.progress && <Progress name={name} p={d.progress} />}
      {d.status === 'running' && (
        <button type="button" onClick={() => cancelDownload(pane)}>
          Cancel download for pane {name}
        </button>
      )}
      {d.status === 'done' && (
        <p role="status">
          {d.report ?? 'Weights downloaded: loading this model will not download them again.'}
        </p>
      )}
      {d.status === 'error' && d.error && why && (
        <div className="error-box" role="alert" aria-label={`Pane ${name} download error`}>
          <strong>{why.title}</strong> <span>{why.advice}</span>
          <details>
            <summary>Technical detail</summary>
            <code>
              {d.error.name}: {d.error.message}
            </code>
          </details>
          <button type="button" disabled={loading} onClick={start}>
            Retry download for pane {name}
          </button>
          {d.error.name === 'IntegrityError' && (
            <button type="button" disabled={loading} onClick={() => void repairDownload(pane, pick)}>
              Repair model files for pane {name}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
