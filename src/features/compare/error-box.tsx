import { clearChat, trimAndRetry } from '../../controller/generate';
import { loadModel } from '../../controller/load';
import { f32Variant } from '../../controller/preflight';
import { repairAndReload } from '../../controller/repair';
import { useStore } from '../../store/store';
import { smallContextVariant } from '../../catalog/catalog';
import { explainError } from '../../engine/errors';
import type { PaneId, PaneState } from '../../store/types';
import { usePaneName, usePaneRef, useReveals, useScrub } from '../../store/use-blind';

/** A failure in words a non-expert understands, the technical detail one click away, and a way forward. */
/** A model that avoids the failure: the q4f32 build without shader-f16, the 1k-context build when memory is short. */
function alternativeFor(kind: string, id: string): string | null {
  if (kind === 'f16') return f32Variant(id);
  if (kind === 'device-lost' || kind === 'limits') return smallContextVariant(id);
  return null;
}

export function ErrorBox({ pane, state }: { pane: PaneId; state: PaneState }) {
  const title = usePaneName(pane);
  const name = usePaneRef(pane);
  // While blind, an error's words never name the model, and no other model is offered (it would be named).
  const identity = useReveals('identity');
  const scrub = useScrub();
  const setPick = useStore((s) => s.setPick);
  if (!state.error) return null;
  const x = explainError(state.error);
  const { model, status } = state;
  const alternative = identity && model && status === 'error' ? alternativeFor(x.kind, model.id) : null;
  return (
    <div className="error-box" role="alert" aria-label={`${title} error`}>
      <strong>{scrub(x.title)}</strong> <span>{scrub(x.advice)}</span>
      <details>
        <summary>Technical detail</summary>
        <code>{scrub(x.detail)}</code>
      </details>
      <div className="row">
        {model && status === 'error' && (
          <button type="button" onClick={() => void loadModel(pane, model)}>
            Retry loading in {name}
          </button>
        )}
        {model && status === 'error' && x.kind === 'integrity' && (
          <button type="button" onClick={() => void repairAndReload(pane, model)}>
            Repair and reload in {name}
          </button>
        )}
        {alternative && (
          <button
            type="button"
            onClick={() => {
              const spec = { engine: 'webllm' as const, id: alternative };
              setPick(pane, spec);
              void loadModel(pane, spec);
            }}
          >
            Use {alternative} in {name}
          </button>
        )}
        {x.kind === 'context-full' && status === 'ready' && (
          <>
            <button type="button" onClick={() => void trimAndRetry(pane)}>
              Trim oldest turns and retry in {name}
            </button>
            <button type="button" onClick={() => clearChat(pane)}>
              Start a new chat in {name}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
