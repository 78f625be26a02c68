/** A pane with nothing in it yet: what it will run, and the one click that gets it going. */
import { loadModel } from '../../controller/load';
import { useStore } from '../../store/store';
import type { PaneId, PaneState } from '../../store/types';
import { modelLabel } from '../../security/model-label';
import { DownloadPanel } from '../models/download-panel';

export function EmptyPane({
  pane,
  state,
  onChoose,
}: {
  pane: PaneId;
  state: Pick<PaneState, 'status'>;
  onChoose: () => void;
}) {
  const pick = useStore((s) => s.picks[pane]);
  const name = pane.toUpperCase();
  if (state.status === 'ready')
    return (
      <div className="empty-pane" role="log" aria-label={`Pane ${name} conversation`}>
        <p>Ready. Type a prompt below: it goes to both panes.</p>
      </div>
    );
  if (state.status === 'loading') return <div className="empty-pane" aria-hidden="true" />;
  return (
    <div className="empty-pane">
      {pick ? (
        <>
          <p>
            This pane will run <strong>{modelLabel(pick.id, pick.url)}</strong>.
          </p>
          <div className="row">
            <button type="button" className="primary" onClick={() => void loadModel(pane, pick)}>
              Load model in pane {name}
            </button>
            <button type="button" className="quiet" onClick={onChoose}>
              Choose another
            </button>
          </div>
          <DownloadPanel pane={pane} part="start" />
        </>
      ) : (
        <button type="button" className="primary" onClick={onChoose}>
          Choose a model for pane {name}
        </button>
      )}
    </div>
  );
}
