import { formatBytes } from '../../ui/format';
import { describeModel, estimateDownloadBytes, findModel } from '../../catalog/catalog';

/** The facts of one web-llm model, from its record in the pinned web-llm. */
export function ModelDetails({
  id,
  hasF16,
  cached,
}: {
  id: string;
  hasF16: boolean;
  cached: boolean | null;
}) {
  const e = findModel(id);
  if (!e) return null;
  const f = describeModel(e);
  const dl = estimateDownloadBytes(f);
  return (
    <dl className="facts model-facts" aria-label={`About ${id}`}>
      <dt>Family</dt>
      <dd>{f.family}</dd>
      <dt>Parameters</dt>
      <dd>{f.params ?? '—'}</dd>
      <dt>Quantization</dt>
      <dd>
        {f.quant ?? '—'}
        {f.quant?.includes('f32') && !hasF16 ? ' (q4f32: no f16 on this GPU)' : ''}
      </dd>
      <dt>Context window</dt>
      <dd>{f.contextWindow ? `${f.contextWindow} tokens` : '—'}</dd>
      <dt>GPU memory needed</dt>
      <dd>{f.vramMB ? `${(f.vramMB / 1024).toFixed(2)} GB (web-llm's published figure)` : '—'}</dd>
      <dt>Download</dt>
      <dd>{dl ? `≈ ${formatBytes(dl)} (estimate)` : '—'}</dd>
      <dt>Needs shader-f16</dt>
      <dd>{f.needsF16 ? (hasF16 ? 'yes' : 'yes — this GPU lacks it') : 'no'}</dd>
      <dt>Downloaded</dt>
      <dd>{cached === null ? 'checking…' : cached ? 'yes, in this browser' : 'no'}</dd>
    </dl>
  );
}
