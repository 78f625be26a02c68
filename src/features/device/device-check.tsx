import { loadPair } from '../../controller/load';
import { useStore } from '../../store/store';
import { formatBytes } from '../../ui/format';
import { NO_LLAMA_31_7B, sevenBAlternatives, smallContextVariant } from '../../catalog/catalog';
import { modelLabel } from '../../security/model-label';
import { deviceMemoryGB, pairModels } from './pair-models';
import { pairVerdict } from './verdict';
import { useReveals } from '../../store/use-blind';

const LEVEL = { ok: 'Likely to fit', uncertain: 'May not fit', unlikely: 'Unlikely to work' } as const;

export function DeviceCheck() {
  const device = useStore((s) => s.device);
  const picks = useStore((s) => s.picks);
  const setPick = useStore((s) => s.setPick);
  const busy = useStore((s) => s.panes.a.status === 'loading' || s.panes.b.status === 'loading');
  // While blind: the pair's totals only — nothing per model, no model named, no other model offered.
  const identity = useReveals('identity');
  if (!device) return <p className="device">Checking this device…</p>;
  const webllmPicks = [picks.a, picks.b].filter((p) => p?.engine === 'webllm' && !p.url);
  const models = pairModels(webllmPicks);
  const v = pairVerdict(device, models, deviceMemoryGB());
  const small = webllmPicks.map((p) => (p ? smallContextVariant(p.id) : null));
  const free = v.freeBytes;
  return (
    <section className="device-check" aria-label="Device check">
      <h2>Device check</h2>
      {!device.webgpu ? (
        <p role="status">
          This browser has no WebGPU, so web-llm models cannot run here. The llama.cpp engine runs GGUF models
          on the CPU instead: add a GGUF model by URL in a pane.
        </p>
      ) : !device.adapter ? (
        <p role="status">
          WebGPU is present but no GPU adapter is available (a blocklisted GPU or an old driver; see
          chrome://gpu). The llama.cpp engine still runs GGUF models on the CPU.
        </p>
      ) : (
        <dl className="facts">
          <dt>GPU adapter</dt>
          <dd>
            {device.vendor || 'unknown vendor'}
            {device.architecture ? ` · ${device.architecture}` : ''}
            {device.description ? ` · ${device.description}` : ''}
          </dd>
          <dt>shader-f16</dt>
          <dd>{device.f16 ? 'yes (q4f16_1 models)' : 'no: q4f32_1 models are used'}</dd>
          <dt>Max buffer</dt>
          <dd>{formatBytes(device.maxBufferSize)}</dd>
          <dt>Max storage buffer binding</dt>
          <dd>{formatBytes(device.maxStorageBufferBindingSize)}</dd>
        </dl>
      )}
      <p>
        Browser storage free: {formatBytes(free)} (navigator.storage.estimate)
        {v.downloadBytes !== null
          ? ` · pair download ≈ ${formatBytes(v.downloadBytes)} (parameters × bits per weight)`
          : ''}
      </p>
      {models.length > 0 && (
        <div className={`verdict ${v.level}`} role="status" aria-label="Pair verdict">
          <strong>
            Pair verdict: {LEVEL[v.level]}
            {v.needMB !== null ? ` · needs ≈ ${(v.needMB / 1024).toFixed(1)} GB GPU memory` : ''}
          </strong>
          {identity && (
            <ul>
              {v.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
          {identity && v.level !== 'ok' && (
            <div className="suggestions">
              <span>Suggestions:</span>
              {(['a', 'b'] as const).map((pane, i) => {
                const id = small[i];
                return id ? (
                  <button key={pane} type="button" onClick={() => setPick(pane, { engine: 'webllm', id })}>
                    Use {id} (1k context) in pane {pane.toUpperCase()}
                  </button>
                ) : null;
              })}
              <button
                type="button"
                onClick={() =>
                  setPick('b', {
                    engine: 'webllm',
                    id: `Llama-3.2-1B-Instruct-${device.f16 ? 'q4f16_1' : 'q4f32_1'}-MLC`,
                  })
                }
              >
                Use a smaller pair (3B against 1B)
              </button>
              <span>…or load one pane at a time.</span>
            </div>
          )}
        </div>
      )}
      {identity && <p className="note">{NO_LLAMA_31_7B}</p>}
      <div className="row">
        {(identity ? sevenBAlternatives(device.f16) : []).map((id) => (
          <button key={id} type="button" onClick={() => setPick('b', { engine: 'webllm', id })}>
            Compare with {id.split('-Instruct')[0]} in pane B
          </button>
        ))}
        <button type="button" disabled={busy || (!picks.a && !picks.b)} onClick={() => void loadPair()}>
          {identity
            ? `Load both (${[picks.a, picks.b].map((p) => (p ? modelLabel(p.id, p.url) : 'none')).join(', then ')})`
            : 'Load both models'}
        </button>
      </div>
    </section>
  );
}
