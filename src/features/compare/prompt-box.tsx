import { useState } from 'react';
import { clearChat, editLastPrompt, regenerate, send, stopAll } from '../../controller/generate';
import { selectAnyBusy, selectSendBlock, useStore } from '../../store/store';

export function PromptBox() {
  const text = useStore((s) => s.composer);
  const setText = useStore((s) => s.setComposer);
  const block = useStore(selectSendBlock);
  const canSend = block === null;
  const busy = useStore(selectAnyBusy);
  // What happened to the last Enter or Send that could not go out (never silently ignored).
  const [refused, setRefused] = useState<string | null>(null);
  const hasHistory = useStore((s) => s.panes.a.messages.length + s.panes.b.messages.length > 0);
  const mode = useStore((s) => s.settings.mode);
  const setSettings = useStore((s) => s.setSettings);
  const submit = (): void => {
    const r = send(text);
    if (r.sent) {
      setText('');
      setRefused(null);
    } else setRefused(r.reason);
  };
  const hint = refused ?? (text.trim() ? block : null);
  return (
    <form
      className="prompt"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label className="prompt-label" htmlFor="prompt">
        Prompt (sent to both panes)
      </label>
      <textarea
        id="prompt"
        rows={2}
        value={text}
        placeholder="Ask both models the same question. Enter sends, Shift+Enter adds a line, Esc stops."
        aria-describedby="prompt-hint"
        onChange={(e) => {
          setText(e.target.value);
          setRefused(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            submit();
          }
        }}
      />
      <div className="prompt-actions">
        <button type="submit" className="primary" aria-disabled={!canSend || !text.trim()}>
          Send
        </button>
        <button type="button" disabled={!busy} onClick={stopAll} aria-keyshortcuts="Escape">
          Stop all
        </button>
      </div>
      <p id="prompt-hint" className="prompt-hint" role="status">
        {hint}
      </p>
      <div className="prompt-more">
        <fieldset className="mode">
          <legend>Run mode</legend>
          <label>
            <input
              type="radio"
              name="mode"
              checked={mode === 'together'}
              onChange={() => setSettings({ mode: 'together' })}
            />
            Together (both at once, sharing the GPU)
          </label>
          <label>
            <input
              type="radio"
              name="mode"
              checked={mode === 'in-turn'}
              onChange={() => setSettings({ mode: 'in-turn' })}
            />
            In turn (one after the other: fair timing)
          </label>
        </fieldset>
        <div className="row">
          <button
            type="button"
            className="quiet"
            disabled={busy || !canSend || !hasHistory}
            onClick={() => void regenerate()}
          >
            Regenerate
          </button>
          <button type="button" className="quiet" disabled={busy || !hasHistory} onClick={editLastPrompt}>
            Edit last prompt
          </button>
          <button type="button" className="quiet" disabled={busy || !hasHistory} onClick={() => clearChat()}>
            Clear chats
          </button>
        </div>
      </div>
    </form>
  );
}
