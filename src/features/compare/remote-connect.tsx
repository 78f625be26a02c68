/**
 * A remote pane that is not connected in this tab — after a reload (its server and model are saved, its key
 * never is), or when the server refused the key — asks for the key (or none) and connects only on a click.
 */
import { useState } from 'react';
import { connectRemote } from '../../controller/remote';
import { explainError } from '../../engine/errors';
import { remoteHost } from '../../engine/remote/spec';
import type { PaneId, PaneState } from '../../store/types';
import { modelLabel } from '../../security/model-label';

function needsConnect(state: Pick<PaneState, 'model' | 'status' | 'error'>): boolean {
  if (state.model?.engine !== 'remote') return false;
  if (state.status === 'empty') return true;
  return (
    state.status !== 'loading' && state.error !== null && explainError(state.error).kind === 'remote-auth'
  );
}

export function RemoteConnect({ pane, state }: { pane: PaneId; state: PaneState }) {
  const [key, setKey] = useState('');
  const name = pane.toUpperCase();
  const spec = state.model;
  const host = remoteHost(spec);
  if (!spec || !host || !needsConnect(state)) return null;
  return (
    <form
      className="remote-connect"
      aria-label={`Connect pane ${name}`}
      onSubmit={(e) => {
        e.preventDefault();
        const k = key;
        setKey('');
        void connectRemote(pane, spec, k);
      }}
    >
      <p>
        Pane {name} runs {modelLabel(spec.id)}. Its API key is never saved: enter it again, or leave the field
        empty if the server needs none. Your prompts will be sent to {host}.
      </p>
      <label>
        API key for pane {name}
        <input type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} />
      </label>
      <button type="submit">
        Connect pane {name} to {host}
      </button>
    </form>
  );
}
