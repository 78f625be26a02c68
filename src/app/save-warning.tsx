/**
 * Shown while the conversation cannot be saved: what happened, that nothing on screen is lost, and the two
 * ways out (free space, or take the transcript with you).
 */
import { useState } from 'react';
import { persistNow } from '../controller/session';
import { useStore } from '../store/store';

export function SaveWarning() {
  const reason = useStore((s) => s.saveError);
  const [status, setStatus] = useState('');
  if (!reason) return null;
  return (
    <div className="save-warning" role="alert" aria-label="Saving failed">
      <strong>Your conversation could not be saved: {reason}.</strong> It is still on screen, but a reload
      would lose what was not saved. Free space by deleting a downloaded model under Storage, or export the
      transcript now.
      <div className="row">
        <button
          type="button"
          onClick={() =>
            void import('../features/export/actions').then(
              (a) => setStatus(`Saved ${a.saveReport('json')}.`),
              (e: unknown) => setStatus(`Could not export: ${String(e)}`),
            )
          }
        >
          Export the transcript (JSON)
        </button>
        <button type="button" onClick={persistNow}>
          Try saving again
        </button>
        <span role="status">{status}</span>
      </div>
    </div>
  );
}
