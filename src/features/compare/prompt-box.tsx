import { clearChat, editLastPrompt, regenerate, send, stopAll } from '../../controller/generate';
import { selectAnyBusy, selectCanSend, useStore } from '../../store/store';

export function PromptBox() {
  const text = useStore((s) => s.composer);
  const setText = useStore((s) => s.setComposer);
  const canSend = useStore(selectCanSend);
  const busy = useStore(selectAnyBusy);
  const hasHistory = useStore((s) => s.panes.a.messages.length + s.panes.b.messages.length > 0);
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
        placeholder="Ask both models the same question. Enter sends, Shift+Enter adds a line, Esc stops."
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
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
      </div>
      <div className="row">
        <button type="submit" disabled={!canSend || !text.trim()}>
          Send
        </button>
        <button type="button" disabled={!busy} onClick={stopAll} aria-keyshortcuts="Escape">
          Stop all
        </button>
        <button type="button" disabled={busy || !canSend || !hasHistory} onClick={() => void regenerate()}>
          Regenerate
        </button>
        <button type="button" disabled={busy || !hasHistory} onClick={editLastPrompt}>
          Edit last prompt
        </button>
        <button type="button" disabled={busy || !hasHistory} onClick={() => clearChat()}>
          Clear chats
        </button>
      </div>
    </form>
  );
}
