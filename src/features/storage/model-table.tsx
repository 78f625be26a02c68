import { formatBytes } from '../../ui/format';
import { removeStoredModel, type StoredModel } from './inventory';
import type { StorageState } from './use-storage';

const ENGINE = { webllm: 'web-llm (WebGPU)', llamacpp: 'llama.cpp (GGUF)' } as const;

function State({ m }: { m: StoredModel }) {
  if (m.health.state === 'complete') return <>Complete</>;
  const word = m.health.state === 'damaged' ? 'Damaged' : 'Incomplete';
  return (
    <span className="error-text">
      {word}: {m.health.reason}
    </span>
  );
}

/** One row per downloaded model, with its size, whether it is usable, and Repair / Delete. */
export function ModelTable({ storage }: { storage: StorageState }) {
  const { inventory, busy, loading, run } = storage;
  const models = inventory?.models ?? [];
  if (!models.length) return <p>No models are downloaded in this browser.</p>;
  const idle = busy === null && !loading;
  const act = (verb: 'Deleting' | 'Repairing', m: StoredModel): void =>
    void run(`${verb} ${m.name}`, async () => {
      await removeStoredModel(m);
      return verb === 'Deleting'
        ? `Deleted ${m.name} (${formatBytes(m.size)}).`
        : `Repaired ${m.name}: its cached files are gone; the next load downloads clean copies.`;
    });
  return (
    <>
      <table className="storage-models">
        <caption>Downloaded models</caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Engine</th>
            <th scope="col">Size</th>
            <th scope="col">State</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <tr key={m.key}>
              <th scope="row">
                {m.name}
                <br />
                <small>
                  {m.parts}
                  {m.aliases.length > 0 && ` · also used by ${m.aliases.join(', ')}`}
                </small>
              </th>
              <td>{ENGINE[m.engine]}</td>
              <td className="size">
                <data value={m.size} title={`${m.size.toLocaleString('en')} bytes`}>
                  {formatBytes(m.size)}
                </data>
              </td>
              <td>
                <State m={m} />
              </td>
              <td>
                <div className="row">
                  {m.health.state !== 'complete' && (
                    <button type="button" disabled={!idle} onClick={() => act('Repairing', m)}>
                      Repair {m.name}
                    </button>
                  )}
                  <button type="button" disabled={!idle} onClick={() => act('Deleting', m)}>
                    Delete {m.name}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {models.some((m) => m.health.state !== 'complete') && (
        <p className="note">
          Repair deletes a model&apos;s cached files (weights, library and config) so that the next load
          downloads clean copies. Use it when a model is incomplete or damaged, or keeps failing to load.
        </p>
      )}
    </>
  );
}
