import { formatBytes } from '../../ui/format';
import { requestPersistence } from '../../downloads/persistence';
import type { StorageState } from './use-storage';

function yesNo(v: boolean | null | undefined): string {
  return v === true ? 'yes' : v === false ? 'no' : 'unknown (not supported by this browser)';
}

/** Used and available space (navigator.storage.estimate) and protection from eviction (persisted). */
export function StorageUsage({ storage }: { storage: StorageState }) {
  const { inventory, busy, run } = storage;
  const f = inventory?.figures;
  const persisted = inventory?.persisted;
  return (
    <div className="storage-usage">
      {f ? (
        <>
          <p>
            Storage used: <strong>{formatBytes(f.usage)}</strong> of {formatBytes(f.quota)} allowed to this
            site ({formatBytes(f.available)} available).
          </p>
          {f.details.length > 0 && (
            <ul aria-label="Storage used by kind">
              {f.details.map((d) => (
                <li key={d.label}>
                  {d.label}: {formatBytes(d.bytes)}
                </li>
              ))}
            </ul>
          )}
          <p className="note">
            Estimated by the browser with <code>navigator.storage.estimate()</code>, which rounds and pads
            these figures.
          </p>
        </>
      ) : (
        <p>This browser does not report storage use (no navigator.storage.estimate()).</p>
      )}
      <p>
        Protected from eviction: <strong>{yesNo(persisted)}</strong>{' '}
        <span className="note">
          (<code>navigator.storage.persisted()</code>; without it the browser may delete downloads when the
          disk runs low)
        </span>
      </p>
      {persisted === false && (
        <button
          type="button"
          disabled={busy !== null}
          onClick={() =>
            void run('Asking for persistent storage', async () => {
              const granted = await requestPersistence();
              return granted
                ? 'The browser will keep downloaded models until you delete them.'
                : 'The browser declined for now. Chrome decides from how you use the site; Firefox asks you.';
            })
          }
        >
          Protect downloads from eviction
        </button>
      )}
    </div>
  );
}
