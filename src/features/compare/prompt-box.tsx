import { useState } from 'react';
import { clearChat, send, stopAll } from '../../controller/generate';
import { selectAnyBusy, selectCanSend, useStore } from '../../store/store';

export function PromptBox() {
  const [text, setText] = useState('');
  const canSend = useStore(selectCanSend);
  const busy = useStore(selectAnyBusy);
  const mode = useStore((s) => s.settings.mode);
  const setSettings = useStore((s) => s.setSettings);
  const submit = (): void => {
    if (!canSend || !text.trim()) return;
    void send(text);
    setText('');
  };
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
        rows={3}
        value={text}
        placeholder="Ask both models the same question. Enter sends, Shift+Enter adds a line."
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            submit();
          }
        }}
      />
      <div className="row">
        <fieldset className="mode">
          <legend>Run mode</legend>
          <label>
            <input
              type="radio"
              name="mode"
              checked={mode === 'together'}
              onChange={() => setSettings({ mode: 'together' })}
            />
            Together (share the GPU)
          </label>
          <label>
            <input
              type="radio"
              name="mode"
              checked={mode === 'in-turn'}
              onChange={() => setSettings({ mode: 'in-turn' })}
            />
            In turn (fair timing)
          </label>
        </fieldset>
        <button type="submit" disabled={!canSend || !text.trim()}>
          Send
        </button>
        <button type="button" disabled={!busy} onClick={stopAll}>
          Stop all
        </button>
        <button type="button" disabled={busy} onClick={() => clearChat()}>
          Clear chats
        </button>
      </div>
    </form>
  );
}
