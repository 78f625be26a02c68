import { useId } from 'react';
import { DeleteEverything } from './delete-everything';
import { ModelTable } from './model-table';
import { StorageUsage } from './storage-usage';
import { useStorage } from './use-storage';
import './storage.css';

/** "Storage and downloaded models": what this browser keeps for Tandem, and the means to free it. */
export function StoragePanel() {
  const headingId = useId();
  const storage = useStorage();
  const { inventory, outcome, loading } = storage;
  return (
    <section className="storage" aria-labelledby={headingId}>
      <h2 id={headingId}>Storage and downloaded models</h2>
      <p className="note">
        Models stay in this browser after their first download, so the next load is quick and works offline.
        Delete what you no longer need; nothing here is sent anywhere.
      </p>
      <StorageUsage storage={storage} />
      <button type="button" disabled={storage.busy !== null} onClick={() => void storage.refresh()}>
        Refresh storage
      </button>
      {inventory === null ? <p>Reading what is stored…</p> : <ModelTable storage={storage} />}
      {loading && <p className="note">A model is loading: deleting is available again once it finishes.</p>}
      {inventory?.problems.map((p) => (
        <p key={p} className="error-text">
          Could not read {p}
        </p>
      ))}
      <DeleteEverything storage={storage} />
      <p className="note" role="status" aria-live="polite">
        {outcome}
      </p>
    </section>
  );
}
