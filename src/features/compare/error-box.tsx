import { clearChat, trimAndRetry } from '../../controller/generate';
import { loadModel } from '../../controller/load';
import { explainError } from '../../engine/errors';
import type { PaneId, PaneState } from '../../store/types';

/** A failure in words a non-expert understands, the technical detail one click away, and a way forward. */
export function ErrorBox({ pane, state }: { pane: PaneId; state: PaneState }) {
  const name = pane.toUpperCase();
  if (!state.error) return null;
  const x = explainError(state.error);
  const { model, status } = state;
  return (
    <div className="error-box" role="alert" aria-label={`Pane ${name} error`}>
      <strong>{x.title}</strong> <span>{x.advice}</span>
      <details>
        <summary>Technical detail</summary>
        <code>{x.detail}</code>
      </details>
      <div className="row">
        {model && status === 'error' && (
          <button type="button" onClick={() => void loadModel(pane, model)}>
            Retry loading in pane {name}
          </button>
        )}
        {x.kind === 'context-full' && status === 'ready' && (
          <>
            <button type="button" onClick={() => void trimAndRetry(pane)}>
              Trim oldest turns and retry in pane {name}
            </button>
            <button type="button" onClick={() => clearChat(pane)}>
              Start a new chat in pane {name}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
