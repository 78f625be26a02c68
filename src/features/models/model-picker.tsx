import { useEffect, useId, useMemo, useState } from 'react';
import { loadModel } from '../../controller/load';
import { useStore } from '../../store/store';
import type { PaneId } from '../../store/types';
import { isSpecCached } from '../storage/cached';
import { catalog, describeModel, type ModelFacts } from '../../catalog/catalog';
import { ModelDetails } from './model-details';
import { GgufList } from './gguf-list';
import { checkModelUrl } from './model-url';
import { RemoteForm } from './remote-form';

const llms = catalog.filter((m) => m.modelType === 'llm').map(describeModel);

function optionLabel(m: ModelFacts): string {
  const parts = [m.id];
  if (m.vramMB) parts.push(`${(m.vramMB / 1024).toFixed(1)} GB GPU`);
  if (m.contextWindow) parts.push(`${m.contextWindow / 1024}k ctx`);
  if (m.needsF16) parts.push('needs f16');
  return parts.join(' · ');
}

export function ModelPicker({ pane, disabled }: { pane: PaneId; disabled: boolean }) {
  const name = pane.toUpperCase();
  const pick = useStore((s) => s.picks[pane]);
  const setPick = useStore((s) => s.setPick);
  const hasF16 = useStore((s) => s.device?.f16 ?? false);
  const [query, setQuery] = useState('');
  const [url, setUrl] = useState('');
  const [lib, setLib] = useState('');
  const [urlError, setUrlError] = useState<string | null>(null);
  const [urlOpen, setUrlOpen] = useState(false);
  const [cache, setCache] = useState<{ id: string; cached: boolean } | null>(null);
  const errId = useId();
  const selected = pick?.engine === 'webllm' && !pick.url ? pick.id : '';
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const hits = q ? llms.filter((m) => m.id.toLowerCase().includes(q)) : llms;
    return selected && !hits.some((m) => m.id === selected)
      ? [...llms.filter((m) => m.id === selected), ...hits]
      : hits;
  }, [query, selected]);
  useEffect(() => {
    let live = true;
    if (selected)
      void isSpecCached({ engine: 'webllm', id: selected }).then(
        (cached) => live && setCache({ id: selected, cached }),
      );
    return () => {
      live = false;
    };
  }, [selected]);

  return (
    <div className="picker">
      <div className="row">
        <input
          type="search"
          aria-label={`Search models for pane ${name}`}
          placeholder={`Search ${llms.length} web-llm models`}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select
          aria-label={`Model for pane ${name}`}
          value={selected}
          onChange={(e) => setPick(pane, { engine: 'webllm', id: e.target.value })}
        >
          {!selected && <option value="">Choose a model…</option>}
          {shown.map((m) => (
            <option key={m.id} value={m.id}>
              {optionLabel(m)}
            </option>
          ))}
        </select>
        <button type="button" disabled={disabled || !pick} onClick={() => pick && void loadModel(pane, pick)}>
          Load model in pane {name}
        </button>
      </div>
      {selected && (
        <details>
          <summary>About {selected}</summary>
          <ModelDetails id={selected} hasF16={hasF16} cached={cache?.id === selected ? cache.cached : null} />
        </details>
      )}
      <GgufList pane={pane} disabled={disabled} />
      <RemoteForm pane={pane} disabled={disabled} />
      <details open={urlOpen} onToggle={(e) => setUrlOpen(e.currentTarget.open)}>
        <summary>Add a model by URL</summary>
        <form
          className="url-form"
          onSubmit={(e) => {
            e.preventDefault();
            const r = checkModelUrl(url, lib, window.location.href);
            if (!r.ok) {
              setUrlError(r.message);
              return;
            }
            setUrlError(null);
            setUrlOpen(false);
            setPick(pane, r.spec);
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
