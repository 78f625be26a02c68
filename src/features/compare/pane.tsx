import { memo, useCallback, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { stop } from '../../controller/generate';
import { useStore } from '../../store/store';
import type { PaneId, PaneState } from '../../store/types';
import { formatMs } from '../../ui/format';
import { DownloadPanel } from '../models/download-panel';
import { modelLabel } from '../../security/model-label';
import { EmptyPane } from './empty-pane';
import { ErrorBox } from './error-box';
import { LiveFigures } from './live-figures';
import { LoadStatus } from './load-status';
import { MemoryLine } from './memory-line';
import { ModelDialog } from './model-dialog';
import { paneStatusText } from './pane-status';
import { RemoteConnect } from './remote-connect';
import { RemotePrice } from './remote-price';
import { Transcript } from './transcript';

/**
 * Everything of a pane except the streaming draft: while tokens arrive only the draft bubble re-renders
 * (see Transcript), not the header, the picker or the finished messages.
 */
type PaneView = Omit<PaneState, 'draft'> & { draft: null; started: boolean };

function usePaneView(pane: PaneId): PaneView {
  return useStore(
    useShallow((s) => {
      const { draft, ...rest } = s.panes[pane];
      return { ...rest, draft: null, started: (draft?.tokenTimes.length ?? 0) > 0 };
    }),
  );
}

export const Pane = memo(function Pane({ pane }: { pane: PaneId }) {
  const state = usePaneView(pane);
  const hasF16 = useStore((s) => s.device?.f16 ?? false);
  const [choosing, setChoosing] = useState(false);
  const close = useCallback(() => setChoosing(false), []);
  const name = pane.toUpperCase();
  const status = paneStatusText({ status: state.status, stopping: state.stopping, started: state.started });
  return (
    <section className={`pane pane-${pane}`} aria-label={`Pane ${name}`}>
      <header className="pane-head">
        <div className="pane-title">
          <span className="pane-badge" aria-hidden="true">
            {name}
          </span>
          <h2>
            <span className="sr-only">Pane {name}: </span>
            {state.model ? modelLabel(state.model.id, state.model.url) : 'no model loaded'}
          </h2>
          <button type="button" className="quiet" onClick={() => setChoosing(true)}>
            Change model<span className="sr-only"> in pane {name}</span>
          </button>
          <p className={`status-pill ${state.status}`} aria-live="polite">
            {status}
          </p>
          {state.status === 'generating' && (
            <button type="button" className="stop" onClick={() => stop(pane)}>
              Stop pane {name}
            </button>
          )}
        </div>
        <LiveFigures pane={pane} />
        {state.model && /q\d+f32/.test(state.model.id) && !hasF16 && (
          <p className="badge">q4f32: no f16 on this GPU</p>
        )}
        {state.info && (
          <p className="engine-info">
            {state.info.runtimeVersion} · {state.info.detail}
            {state.info.contextWindow ? ` · ${state.info.contextWindow} token context` : ''}
            {state.info.warmupMs !== undefined ? ` · warm-up ${formatMs(state.info.warmupMs)}` : ''}
          </p>
        )}
        <MemoryLine pane={pane} />
      </header>
      <div className="pane-body">
        <div className="pane-notes">
          <RemoteConnect pane={pane} state={state} />
          <RemotePrice pane={pane} />
          <LoadStatus pane={pane} state={state} />
          <DownloadPanel pane={pane} part="status" />
          <ErrorBox pane={pane} state={state} />
          {state.notice && (
            <p className="notice" role="status">
              {state.notice}
            </p>
          )}
        </div>
        {state.messages.length === 0 && state.status !== 'generating' ? (
          <EmptyPane pane={pane} state={state} onChoose={() => setChoosing(true)} />
        ) : (
          <Transcript pane={pane} messages={state.messages} />
        )}
      </div>
      <ModelDialog pane={pane} open={choosing} onClose={close} />
    </section>
  );
});
