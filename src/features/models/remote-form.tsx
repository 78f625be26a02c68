/**
 * The third kind of model: a server that speaks the OpenAI chat-completions protocol (Ollama, vLLM,
 * llama.cpp's llama-server, LM Studio, a hosted API). Its address is checked up front (the same origins the
 * Content-Security-Policy allows); its models are listed from GET /models when it offers that, or typed. The
 * API key stays in this tab's memory only.
 */
import { useId, useState } from 'react';
import { connectRemote, listServerModels, remotePick } from '../../controller/remote';
import { explainError } from '../../engine/errors';
import type { PaneId } from '../../store/types';

export function RemoteForm({ pane, disabled }: { pane: PaneId; disabled: boolean }) {
  const name = pane.toUpperCase();
  const [url, setUrl] = useState('');
  const [model, setModel] = useState('');
  const [key, setKey] = useState('');
  const [listed, setListed] = useState<string[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const pick = remotePick(url, model);
  const host = 'spec' in pick ? new URL(pick.spec.url ?? '').host : null;

  const list = async (): Promise<void> => {
    setProblem(null);
    setNote('Asking the server for its models…');
    try {
      const r = await listServerModels(url, key);
      setListed(r?.ids ?? []);
      setNote(
        r
          ? `The server lists ${r.ids.length} model${r.ids.length === 1 ? '' : 's'}.`
          : 'The server does not list its models: type the name.',
      );
      if (r?.ids.length && !model) setModel(r.ids[0] ?? '');
    } catch (e) {
      const x = explainError(e);
      setNote(null);
      setProblem(`${x.title} ${x.advice} (${x.detail})`);
    }
  };

  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Server (OpenAI-compatible)</summary>
      <form
        className="url-form"
        aria-label={`Server for pane ${name}`}
        onSubmit={(e) => {
          e.preventDefault();
          if ('problem' in pick) return setProblem(pick.problem);
          setProblem(null);
          setOpen(false);
          const k = key;
          setKey('');
          void connectRemote(pane, pick.spec, k);
        }}
      >
        <label>
          Server base URL (e.g. http://127.0.0.1:11434/v1)
          <input value={url} onChange={(e) => setUrl(e.target.value)} inputMode="url" spellCheck={false} />
        </label>
        <label>
          API key (optional; kept in this tab’s memory only, never saved or put in a link)
          <input type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} />
        </label>
        <button type="button" disabled={!url.trim()} onClick={() => void list()}>
          List the server’s models
        </button>
        <label>
          Model on the server
          <input value={model} list={listId} onChange={(e) => setModel(e.target.value)} spellCheck={false} />
          <datalist id={listId}>
            {listed?.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
        </label>
        {note && <p role="status">{note}</p>}
        {host && <p>Your prompts and this pane’s conversation will be sent to {host}.</p>}
        <button type="submit" disabled={disabled}>
          Connect pane {name} to the server
        </button>
        {problem && (
          <p role="alert" className="error-text">
            {problem}
          </p>
        )}
      </form>
    </details>
  );
}
