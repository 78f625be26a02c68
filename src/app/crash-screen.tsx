/**
 * What shows when rendering fails past every other boundary: what happened and a way forward. The saved
 * session is read straight from IndexedDB (not through the React tree that just failed), so it can be
 * downloaded, or discarded once a copy is downloaded. The reload drops the address's query, in case the
 * link itself was the cause.
 */
import { useState, type ReactNode } from 'react';
import { ErrorBoundary, getErrorMessage, type FallbackProps } from 'react-error-boundary';
import { clearSession, loadRawSession } from '../controller/persist';
import { downloadSaved } from './saved-export';

/** Long enough for the browser to take the downloaded copy before the page goes. */
const RELOAD_DELAY_MS = 1500;

function restart(): void {
  location.replace(location.pathname);
}

export function CrashScreen({ error }: FallbackProps) {
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const download = async (): Promise<void> => {
    const saved = await loadRawSession();
    if (saved === undefined) setStatus('There is no saved session in this browser.');
    else downloadSaved(saved);
  };
  const discard = async (): Promise<void> => {
    const saved = await loadRawSession();
    if (saved !== undefined) downloadSaved(saved);
    await clearSession();
    setStatus(
      `The saved session was discarded${saved === undefined ? '' : ' (a copy was downloaded)'}. Reloading…`,
    );
    setTimeout(restart, RELOAD_DELAY_MS);
  };
  const act = (f: () => Promise<void>) => () => {
    setBusy(true);
    f()
      .catch(() => setStatus("The saved session could not be read from this browser's storage."))
      .finally(() => setBusy(false));
  };

  return (
    <main className="app crash">
      <h1>Tandem stopped</h1>
      <p role="alert">
        Part of this page failed to show, and the app could not go on. Your saved conversations and settings
        are still in this browser: keep a copy, then reload. If it fails again, discard the saved session — a
        copy is downloaded first, so nothing is lost.
      </p>
      <div className="row">
        <button type="button" disabled={busy} onClick={act(download)}>
          Download the saved session (JSON)
        </button>
        <button type="button" disabled={busy} onClick={act(discard)}>
          Discard the saved session and reload
        </button>
        <button type="button" onClick={restart}>
          Reload
        </button>
      </div>
      {status && <p role="status">{status}</p>}
      <details>
        <summary>Technical detail</summary>
        <pre>{getErrorMessage(error) ?? String(error)}</pre>
      </details>
    </main>
  );
}

/** The app's outermost boundary. */
export function AppBoundary({ children }: { children: ReactNode }) {
  return <ErrorBoundary FallbackComponent={CrashScreen}>{children}</ErrorBoundary>;
}
