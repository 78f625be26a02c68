import { useId, useMemo, useState } from 'react';
import { loadModel } from '../../controller/load';
import type { PaneId } from '../../store/types';
import { catalog, describeModel } from './catalog';
import { checkModelUrl } from './model-url';

const llms = catalog.filter((m) => m.modelType === 'llm').map(describeModel);

function optionLabel(m: ReturnType<typeof describeModel>): string {
  const parts = [m.id];
  if (m.vramMB) parts.push(`${(m.vramMB / 1024).toFixed(1)} GB GPU`);
  if (m.contextWindow) parts.push(`${m.contextWindow / 1024}k ctx`);
  if (m.needsF16) parts.push('needs f16');
  return parts.join(' · ');
}

export function ModelPicker({
  pane,
  initial,
  disabled,
}: {
  pane: PaneId;
  initial: string;
  disabled: boolean;
}) {
  const name = pane.toUpperCase();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(initial);
  const [url, setUrl] = useState('');
  const [lib, setLib] = useState('');
  const [urlError, setUrlError] = useState<string | null>(null);
  const errId = useId();
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? llms.filter((m) => m.id.toLowerCase().includes(q)) : llms;
  }, [query]);

  return (
    <div className="picker">
      <div className="row">
        <input
          type="search"
          aria-label={`Search models for pane ${name}`}
          placeholder="Search models"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select
          aria-label={`Model for pane ${name}`}
          value={selected}
          onChange={(e) => setSelected(e.target.value)}
        >
          {shown.map((m) => (
            <option key={m.id} value={m.id}>
              {optionLabel(m)}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={disabled || !selected}
          onClick={() => void loadModel(pane, { engine: 'webllm', id: selected })}
        >
          Load model in pane {name}
        </button>
      </div>
      <details>
        <summary>Add a model by URL</summary>
        <form
          className="url-form"
          onSubmit={(e) => {
            e.preventDefault();
            const r = checkModelUrl(url, lib, window.location.href);
            if (!r.ok) return setUrlError(r.message);
            setUrlError(null);
            void loadModel(pane, r.spec);
          }}
        >
          <label>
            Model URL (a .gguf file, or an MLC model repository)
            <input
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              aria-describedby={urlError ? errId : undefined}
            />
          </label>
          <label>
            Model library URL (.wasm, MLC models only)
            <input value={lib} onChange={(e) => setLib(e.target.value)} />
          </label>
          <button type="submit" disabled={disabled}>
            Add and load in pane {name}
          </button>
          {urlError && (
            <p id={errId} role="alert" className="error-text">
              {urlError}
            </p>
          )}
        </form>
      </details>
    </div>
  );
}
