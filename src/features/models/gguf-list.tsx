import { loadModel } from '../../controller/load';
import { useStore } from '../../store/store';
import type { PaneId } from '../../store/types';
import { formatBytes } from '../../ui/format';
import { GGUF_MODELS } from '../../catalog/gguf-catalog';

/** Ready-made GGUF choices for the llama.cpp engine (the path for browsers without WebGPU). */
export function GgufList({ pane, disabled }: { pane: PaneId; disabled: boolean }) {
  const name = pane.toUpperCase();
  const setPick = useStore((s) => s.setPick);
  return (
    <details>
      <summary>GGUF models for the CPU engine (llama.cpp)</summary>
      <ul className="gguf-list">
        {GGUF_MODELS.map((g) => (
          <li key={g.url}>
            {g.label} · ≈ {formatBytes(g.approxBytes)} download{' '}
            <button
              type="button"
              disabled={disabled}
              onClick={() => {
                const spec = { engine: 'llamacpp' as const, id: `gguf:${g.url}`, url: g.url };
                setPick(pane, spec);
                void loadModel(pane, spec);
              }}
            >
              Load {g.label} in pane {name}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
