import { stop } from '../../controller/generate';
import { useStore, selectPane } from '../../store/store';
import type { PaneId } from '../../store/types';
import { formatMs } from '../../ui/format';
import { DownloadPanel } from '../models/download-panel';
import { ModelPicker } from '../models/model-picker';
import { modelLabel } from '../models/model-url';
import { ErrorBox } from './error-box';
import { LoadStatus } from './load-status';
import { MemoryLine } from './memory-line';
import { paneStatusText } from './pane-status';
import { Transcript } from './transcript';

export function Pane({ pane }: { pane: PaneId }) {
  const state = useStore(selectPane(pane));
  const hasF16 = useStore((s) => s.device?.f16 ?? false);
  const name = pane.toUpperCase();
  const busy = state.status === 'loading' || state.status === 'generating';
  return (
    <section className="pane" aria-label={`Pane ${name}`}>
      <header className="pane-head">
        <h2>
          Pane {name}: {state.model ? modelLabel(state.model.id) : 'no model loaded'}
        </h2>
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
      </header>
      <ModelPicker pane={pane} disabled={busy} />
      <MemoryLine pane={pane} />
      <LoadStatus pane={pane} state={state} />
      <DownloadPanel pane={pane} />
      <ErrorBox pane={pane} state={state} />
      {state.notice && (
        <p className="notice" role="status">
          {state.notice}
        </p>
      )}
      <p className="pane-status" aria-live="polite">
        {paneStatusText(state)}
      </p>
      {state.status === 'generating' && (
        <button type="button" onClick={() => stop(pane)}>
          Stop pane {name}
        </button>
      )}
      <Transcript pane={name} messages={state.messages} draft={state.draft} />
    </section>
  );
}
