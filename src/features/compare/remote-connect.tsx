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
import { usePaneName, usePaneRef, useReveals } from '../../store/use-blind';

function needsConnect(state: Pick<PaneState, 'model' | 'status' | 'error'>): boolean {
  if (state.model?.engine !== 'remote') return false;
  if (state.status === 'empty') return true;
  return (
    state.status !== 'loading' && state.error !== null && explainError(state.error).kind === 'remote-auth'
  );
}

export function RemoteConnect({ pane, state }: { pane: PaneId; state: PaneState }) {
  const [key, setKey] = useState('');
  const title = usePaneName(pane);
  const ref = usePaneRef(pane);
  // While blind the server stays unnamed too (it would name the model).
  const identity = useReveals('identity');
  const spec = state.model;
  const host = remoteHost(spec);
  if (!spec || !host || !needsConnect(state)) return null;
  return (
    <form
      className="remote-connect"
      aria-label={`Connect ${ref}`}
      onSubmit={(e) => {
        e.preventDefault();
        const k = key;
        setKey('');
        void connectRemote(pane, spec, k);
      }}
    >
      <p>
        {title} runs {identity ? modelLabel(spec.id) : 'on a server whose address is hidden while blind'}. Its
        API key is never saved: enter it again, or leave the field empty if the server needs none.
        {identity ? ` Your prompts will be sent to ${host}.` : ''}
      </p>
      <label>
        API key for {ref}
        <input type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} />
      </label>
      <button type="submit">
        Connect {ref}
        {identity ? ` to ${host}` : ''}
      </button>
    </form>
  );
}
