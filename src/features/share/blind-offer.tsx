/**
 * A shared link's offer while blind: what will be loaded and what it costs, for the pair as a whole —
 * how many models, from which hosts, the total download — and never which model goes to which side.
 */
import { GGUF_MODELS } from '../../catalog/gguf-catalog';
import { remoteHost } from '../../engine/remote/spec';
import type { ModelSpec } from '../../engine/types';
import { formatBytes } from '../../ui/format';
import { pairModels } from '../device/pair-models';

function hostOf(spec: ModelSpec): string {
  const remote = remoteHost(spec);
  if (remote) return remote;
  if (spec.engine === 'webllm' && !spec.url) return 'web-llm’s model list (huggingface.co)';
  try {
    return new URL(spec.url ?? '').host;
  } catch {
    return 'an unknown place';
  }
}

function sizeOf(spec: ModelSpec): number | null {
  if (spec.engine === 'llamacpp') return GGUF_MODELS.find((g) => g.url === spec.url)?.approxBytes ?? null;
  return pairModels([spec])[0]?.downloadBytes ?? null;
}

export function BlindOfferSummary({ specs }: { specs: readonly ModelSpec[] }) {
  const hosts = [...new Set(specs.map(hostOf))].sort();
  const local = specs.filter((s) => !remoteHost(s));
  const sizes = local.map(sizeOf);
  const total = sizes.every((b) => b !== null) ? sizes.reduce<number>((t, b) => t + (b ?? 0), 0) : null;
  return (
    <p>
      It starts a <strong>blind comparison</strong> of {specs.length}{' '}
      {specs.length === 1 ? 'model' : 'models'} from {hosts.join(' and ')}: which model is Model 1 and which
      is Model 2 stays hidden until you reveal them.{' '}
      {local.length === 0
        ? ''
        : total !== null
          ? `Download ≈ ${formatBytes(total)} in all.`
          : 'The download size shows once the downloads start.'}
    </p>
  );
}
