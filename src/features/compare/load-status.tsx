import { cancelLoad } from '../../controller/load';
import type { PaneId, PaneState } from '../../store/types';
import { formatBytes, formatPercent } from '../../ui/format';
import { ProgressBar } from '../../ui/progress-bar';
import { usePaneName, usePaneRef, useReveals } from '../../store/use-blind';

const PHASE: Record<string, string> = {
  queued: 'Waiting for the other pane to finish loading',
  connect: 'Connecting to the server',
  fetch: 'Downloading',
  cache: 'Reading from cache',
  gpu: 'Loading into GPU',
  compile: 'Preparing',
  warmup: 'Warming up',
  ready: 'Loaded',
};

export function LoadStatus({ pane, state }: { pane: PaneId; state: PaneState }) {
  const title = usePaneName(pane);
  const ref = usePaneRef(pane);
  // Byte counts are the model's size: not while blind.
  const identity = useReveals('identity');
  const { progress, status } = state;
  // The bar is for the load; once loaded it stays at 100% as a record of what was fetched, until a failure
  // or another load replaces it.
  if (!progress || (status !== 'loading' && status !== 'ready' && status !== 'generating')) return null;
  const bytes =
    identity && progress.loaded !== null
      ? `${formatBytes(progress.loaded)}${progress.total ? ` / ${formatBytes(progress.total)}` : ''}`
      : '';
  return (
    <div className="load-status">
      <ProgressBar label={`${title} load progress`} fraction={progress.fraction} />
      <span className="load-text" aria-live="polite">
        {PHASE[progress.phase] ?? progress.phase} {bytes} ({formatPercent(progress.fraction)})
      </span>
      {status === 'loading' && (
        <button type="button" onClick={() => void cancelLoad(pane)}>
          Cancel loading in {ref}
        </button>
      )}
    </div>
  );
}
