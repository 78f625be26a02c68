import { memo, useCallback, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { stop } from '../../controller/generate';
import { useStore } from '../../store/store';
import type { PaneId, PaneState } from '../../store/types';
import { formatMs } from '../../ui/format';
import { DownloadPanel } from '../models/download-panel';
import { useModelName, usePaneName, usePaneRef, useReveals, useScrub, useSlot } from '../../store/use-blind';
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
  // While blind: "Model 1", and nothing that names or sizes the model (store/blind-view.ts decides).
  const title = usePaneName(pane);
  const ref = usePaneRef(pane);
  const slot = useSlot(pane);
  const identity = useReveals('identity');
  const scrub = useScrub();
  // The model's name as the page may show it (null while blind).
  const named = useModelName(pane);
  const model = state.model ? named : 'no model loaded';
  const empty = state.messages.length === 0 && state.status !== 'generating';
  const status = paneStatusText({ status: state.status, stopping: state.stopping, started: state.started });
  return (
    <section className={`pane pane-${identity ? pane : slot === 1 ? 'a' : 'b'}`} aria-label={title}>
      <header className="pane-head">
        <div className="pane-title">
          <span className="pane-badge" aria-hidden="true">
            {identity ? pane.toUpperCase() : slot}
          </span>
          <h2>
            {model === null ? (
              title
            ) : (
              <>
                <span className="sr-only">{title}: </span>
                {model}
              </>
            )}
          </h2>
          {identity && (
            <button type="button" className="quiet" onClick={() => setChoosing(true)}>
              Change model<span className="sr-only"> in {ref}</span>
            </button>
          )}
          <p className={`status-pill ${state.status}`} aria-live="polite">
            {status}
          </p>
          {state.status === 'generating' && (
            <button type="button" className="stop" onClick={() => stop(pane)}>
              Stop {ref}
            </button>
          )}
        </div>
        <LiveFigures pane={pane} />
        {identity && state.model && /q\d+f32/.test(state.model.id) && !hasF16 && (
          <p className="badge">q4f32: no f16 on this GPU</p>
        )}
        {identity && state.info && (
          <p className="engine-info">
            {state.info.runtimeVersion} · {state.info.detail}
            {state.info.contextWindow ? ` · ${state.info.contextWindow} token context` : ''}
            {state.info.warmupMs !== undefined ? ` · warm-up ${formatMs(state.info.warmupMs)}` : ''}
          </p>
        )}
        {identity && <MemoryLine pane={pane} />}
      </header>
      {/* It scrolls: focusable, so a keyboard can scroll it too. */}
      <div className="pane-body" tabIndex={0}>
        <div className="pane-notes">
          <RemoteConnect pane={pane} state={state} />
          {identity && <RemotePrice pane={pane} />}
          <LoadStatus pane={pane} state={state} />
          {identity && <DownloadPanel pane={pane} part="status" />}
          <ErrorBox pane={pane} state={state} />
          {state.notice && (
            <p className="notice" role="status">
              {scrub(state.notice)}
            </p>
          )}
        </div>
        {/* A pane with nothing loaded offers its load even after prompts were marked missed in it. */}
        {(empty || (!state.model && state.status === 'empty')) &&
          (identity ? (
            <EmptyPane pane={pane} state={state} onChoose={() => setChoosing(true)} />
          ) : (
            <p className="empty-pane note">The model is hidden in blind mode. Reveal to change models.</p>
          ))}
        {!empty && <Transcript pane={pane} messages={state.messages} />}
      </div>
      {identity && <ModelDialog pane={pane} open={choosing} onClose={close} />}
    </section>
  );
});
