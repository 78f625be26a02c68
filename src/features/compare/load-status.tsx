import { cancelLoad } from '../../controller/load';
import type { PaneId, PaneState } from '../../store/types';
import { formatBytes, formatPercent } from '../../ui/format';

const PHASE: Record<string, string> = {
  fetch: 'Downloading',
  cache: 'Reading from cache',
  gpu: 'Loading into GPU',
  compile: 'Preparing',
  warmup: 'Warming up',
  ready: 'Loaded',
};

export function LoadStatus({ pane, state }: { pane: PaneId; state: PaneState }) {
  const name = pane.toUpperCase();
  const { progress, status } = state;
  if (!progress || (status !== 'loading' && status !== 'ready')) return null;
  const bytes =
    progress.loaded !== null
      ? `${formatBytes(progress.loaded)}${progress.total ? ` / ${formatBytes(progress.total)}` : ''}`
      : '';
  return (
    <div className="load-status">
      <div
        className="bar"
        role="progressbar"
        aria-label={`Pane ${name} load progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.floor(progress.fraction * 100)}
      >
        <div className="bar-fill" style={{ width: formatPercent(progress.fraction) }} />
      </div>
      <span className="load-text" aria-live="polite">
        {PHASE[progress.phase] ?? progress.phase} {bytes} ({formatPercent(progress.fraction)})
      </span>
      {status === 'loading' && (
        <button type="button" onClick={() => void cancelLoad(pane)}>
          Cancel loading in pane {name}
        </button>
      )}
    </div>
  );
}
