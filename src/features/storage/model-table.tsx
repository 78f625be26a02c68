import { repairStoredModel } from '../../controller/repair';
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

/** Repair a model that looks incomplete or damaged; Verify one that looks complete: the same check. */
function RepairButton(props: {
  m: StoredModel;
  disabled: boolean;
  onRepair: (m: StoredModel, verb: string) => void;
}) {
  const { m, disabled, onRepair } = props;
  const [label, verb] = m.health.state === 'complete' ? ['Verify', 'Verifying'] : ['Repair', 'Repairing'];
  return (
    <button type="button" disabled={disabled} onClick={() => onRepair(m, verb)}>
      {label} {m.name}
    </button>
  );
}

/** One row per downloaded model, with its size, whether it is usable, and Repair / Delete. */
export function ModelTable({ storage }: { storage: StorageState }) {
  const { inventory, busy, loading, run } = storage;
  const models = inventory?.models ?? [];
  if (!models.length) return <p>No models are downloaded in this browser.</p>;
  const idle = busy === null && !loading;
  const remove = (m: StoredModel): void =>
    void run(`Deleting ${m.name}`, async () => {
      await removeStoredModel(m);
      return `Deleted ${m.name} (${formatBytes(m.size)}).`;
    });
  const repair = (m: StoredModel, verb: string): void => {
    const target = m.repair;
    if (target) void run(`${verb} ${m.name}`, async () => `${m.name}: ${await repairStoredModel(target)}`);
  };
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
                  {m.repair && <RepairButton m={m} disabled={!idle} onRepair={repair} />}
                  <button type="button" disabled={!idle} onClick={() => remove(m)}>
                    Delete {m.name}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">
        Repair (or Verify, for a model that looks complete) reads every cached file of a web-llm model and
        checks its size, its content and — where Hugging Face publishes one — its SHA-256; it fetches again
        only what is missing or damaged, then reloads the model in a pane where it had failed to load. An
        incomplete GGUF download is deleted instead; loading it downloads it again.
      </p>
    </>
  );
}
