import { useEffect, useId, useRef, useState } from 'react';
import { deleteEverything } from './inventory';
import type { StorageState } from './use-storage';

const DONE = {
  deleted: 'Deleted every downloaded model and your saved conversations and settings.',
  pending:
    'Deleted every downloaded model and cleared your saved conversations and settings. ' +
    'The emptied database is removed when this page is reloaded or closed.',
} as const;

/** "Delete everything", behind a second, explicit confirmation. */
export function DeleteEverything({ storage }: { storage: StorageState }) {
  const { busy, loading, run } = storage;
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const textId = useId();
  useEffect(() => {
    // Focus follows the step: onto "Confirm" when it appears, back to the opener when it goes.
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) openerRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  const disabled = busy !== null || loading;
  if (!confirming)
    return (
      <button type="button" ref={openerRef} disabled={loading} onClick={() => setConfirming(true)}>
        Delete everything…
      </button>
    );
  return (
    <div
      role="group"
      aria-label="Confirm deleting everything"
      aria-describedby={textId}
      className="error-box"
    >
      <p id={textId}>
        This deletes every downloaded model (web-llm and llama.cpp) and the conversations and settings Tandem
        saved in this browser. Models will download again when next loaded. This cannot be undone.
      </p>
      <div className="row">
        <button
          type="button"
          ref={confirmRef}
          disabled={disabled}
          onClick={() => {
            setConfirming(false);
            void run('Deleting everything', async () => DONE[await deleteEverything()]);
          }}
        >
          Confirm delete everything
        </button>
        <button type="button" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
