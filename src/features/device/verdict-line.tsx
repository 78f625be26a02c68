/**
 * The device check in one line, for the top of the page: will the chosen pair fit, what it needs, and on
 * what adapter — with the whole check (facts, suggestions, the "no Llama 3.1 7B" note) one click away.
 */
import { useState } from 'react';
import { describeModel, findModel } from '../../catalog/catalog';
import { useStore } from '../../store/store';
import { Dialog } from '../../ui/dialog';
import { DeviceCheck } from './device-check';
import { deviceMemoryGB, pairModels } from './pair-models';
import { pairVerdict } from './verdict';

const LEVEL = { ok: 'Fits', uncertain: 'May not fit', unlikely: 'Unlikely to work' } as const;

/** "3B + 8B", from the models' names. */
function sizes(ids: string[]): string {
  return ids
    .map((id) => {
      const e = findModel(id);
      return (e && describeModel(e).params) ?? '?';
    })
    .join(' + ');
}

export function VerdictLine() {
  const device = useStore((s) => s.device);
  const picks = useStore((s) => s.picks);
  const [open, setOpen] = useState(false);
  if (!device) return <p className="verdict-line">Checking this device…</p>;
  const webllm = [picks.a, picks.b].filter((p) => p?.engine === 'webllm' && !p.url);
  const models = pairModels(webllm);
  const v = pairVerdict(device, models, deviceMemoryGB());
  const adapter = !device.webgpu
    ? 'no WebGPU: GGUF models run on the CPU (llama.cpp)'
    : !device.adapter
      ? 'no usable GPU: GGUF models run on the CPU (llama.cpp)'
      : /swiftshader/i.test(`${device.architecture} ${device.description}`)
        ? 'SwiftShader adapter (software, on the CPU)'
        : `${device.vendor || 'GPU'}${device.architecture ? ` ${device.architecture}` : ''}${device.f16 ? '' : ', no f16'}`;
  const need =
    models.length && v.needMB !== null
      ? `${sizes(models.map((m) => m.id))} need ≈ ${(v.needMB / 1024).toFixed(1)} GB GPU memory`
      : null;
  return (
    <div className="verdict-line" role="status" aria-label="Device verdict">
      {models.length > 0 && device.webgpu && device.adapter && (
        <span className={`chip ${v.level}`}>{LEVEL[v.level]}</span>
      )}
      <span className="verdict-text" title={`${need ? `${need} · ` : ''}${adapter}`}>
        {need ? `${need} · ` : ''}
        {adapter}
      </span>
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        Device details
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Device check">
        <DeviceCheck />
      </Dialog>
    </div>
  );
}
