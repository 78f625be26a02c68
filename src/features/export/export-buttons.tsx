/**
 * Export the session's measurements: JSON and CSV downloads, a Markdown summary on the clipboard and the
 * telemetry charts as a PNG. The builders load on the first click; the store is read once per click.
 */
import { useState } from 'react';

type Actions = typeof import('./actions');
const actions = (): Promise<Actions> => import('./actions');
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function ExportButtons() {
  const [status, setStatus] = useState('');

  const run = async (what: string, act: (a: Actions) => Promise<string>): Promise<void> => {
    try {
      setStatus(await act(await actions()));
    } catch (e) {
      setStatus(`Could not ${what}: ${message(e)}`);
    }
  };

  return (
    <div
      className="export"
      role="group"
      aria-label="Export measurements"
      style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', alignItems: 'center' }}
    >
      <button
        type="button"
        onClick={() => void run('export', (a) => Promise.resolve(`Saved ${a.saveReport('json')}.`))}
      >
        Export JSON
      </button>
      <button
        type="button"
        onClick={() => void run('export', (a) => Promise.resolve(`Saved ${a.saveReport('csv')}.`))}
      >
        Export CSV
      </button>
      <button
        type="button"
        onClick={() =>
          void run('copy to the clipboard', async (a) => {
            await a.copyMarkdown();
            return 'Markdown summary copied to the clipboard.';
          })
        }
      >
        Copy Markdown summary
      </button>
      <button
        type="button"
        onClick={() =>
          void run('save the charts', async (a) => {
            const name = await a.saveChartsPng();
            return name ? `Saved ${name}.` : 'No charts to save yet.';
          })
        }
      >
        Save charts as PNG
      </button>
      <p className="export-status" role="status" style={{ margin: 0 }}>
        {status}
      </p>
    </div>
  );
}
