/**
 * The app's own news, above the panes: "works offline now" after the first visit, and "a new version is
 * ready" when one was deployed. Reloading to update is always the visitor's choice, and waits for a reply
 * (or a load, or the quality check) that is running.
 */
import { useStore } from '../../store/store';
import { busyReason, type BusyReason } from './busy';
import { postponeUpdate, requestUpdate } from './update-flow';
import { setUpdateState, useUpdateState } from './update-state';

const AFTER: Record<BusyReason, string> = {
  reply: 'after the current reply',
  load: 'after the model has loaded',
  check: 'after the quality check',
};

export function UpdateNotice() {
  const { phase } = useUpdateState();
  const busy = useStore(busyReason);
  if (phase === 'none') return null;
  const when = busy ? AFTER[busy] : null;
  return (
    <section className="notices" aria-label="App updates">
      <p className="notice" role="status">
        {phase === 'offline-ready' && (
          <>
            Tandem is now stored in this browser: it opens, and runs the models you have downloaded, with no
            network.{' '}
            <button type="button" onClick={() => setUpdateState({ phase: 'none' })}>
              OK
            </button>
          </>
        )}
        {(phase === 'waiting' || phase === 'elsewhere') && (
          <>
            {phase === 'waiting'
              ? 'A new version of Tandem is ready — Reload to update.'
              : 'Tandem was updated in another tab — Reload to use the new version.'}{' '}
            <button type="button" onClick={() => requestUpdate()}>
              {when ? `Reload ${when}` : phase === 'waiting' ? 'Reload to update' : 'Reload'}
            </button>{' '}
            <button type="button" onClick={postponeUpdate}>
              Not now
            </button>
          </>
        )}
        {phase === 'requested' &&
          (when ? (
            <>
              Tandem will reload to update {when}.{' '}
              <button type="button" onClick={postponeUpdate}>
                Cancel
              </button>
            </>
          ) : (
            'Updating Tandem…'
          ))}
      </p>
    </section>
  );
}
