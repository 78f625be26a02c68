import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { stop } from '../../controller/generate';
import { useStore } from '../../store/store';
import type { PaneId, PaneState } from '../../store/types';
import { formatMs } from '../../ui/format';
import { DownloadPanel } from '../models/download-panel';
import { ModelPicker } from '../models/model-picker';
import { modelLabel } from '../../security/model-label';
import { usePaneName, usePaneRef, useReveals, useScrub } from '../../store/use-blind';
import { ErrorBox } from './error-box';
import { LoadStatus } from './load-status';
import { MemoryLine } from './memory-line';
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
  // While blind: "Model 1", and nothing that names or sizes the model (store/blind-view.ts decides).
  const title = usePaneName(pane);
  const ref = usePaneRef(pane);
  const identity = useReveals('identity');
  const scrub = useScrub();
  const busy = state.status === 'loading' || state.status === 'generating';
  const model = state.model
    ? identity
      ? modelLabel(state.model.id, state.model.url)
      : null
    : 'no model loaded';
  return (
    <section className="pane" aria-label={title}>
      <header className="pane-head">
        <h2>{model === null ? title : `${title}: ${model}`}</h2>
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
      </header>
      {identity ? (
        <>
          <ModelPicker pane={pane} disabled={busy} />
          <RemoteConnect pane={pane} state={state} />
          <RemotePrice pane={pane} />
          <MemoryLine pane={pane} />
        </>
      ) : (
        <>
          <p className="note">The model is hidden in blind mode. Reveal to change models.</p>
          <RemoteConnect pane={pane} state={state} />
        </>
      )}
      <LoadStatus pane={pane} state={state} />
      {identity && <DownloadPanel pane={pane} />}
      <ErrorBox pane={pane} state={state} />
      {state.notice && (
        <p className="notice" role="status">
          {scrub(state.notice)}
        </p>
      )}
      <p className="pane-status" aria-live="polite">
        {paneStatusText({ status: state.status, stopping: state.stopping, started: state.started })}
      </p>
      {state.status === 'generating' && (
        <button type="button" onClick={() => stop(pane)}>
          Stop {ref}
        </button>
      )}
      <Transcript pane={pane} messages={state.messages} />
    </section>
  );
});
