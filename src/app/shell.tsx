/**
 * The first screen before the app has started: the top bar, the two panes and the prompt box, with the
 * app's own classes and accessible names, and nothing that needs the store, the device probe or the saved
 * session. The build writes it into index.html (build/prerender-shell.ts), so the browser paints it before
 * any script has run; main.tsx renders it again while the app's code is on its way; the stage shows its
 * panes until the device probe and the session restore are done. It imports nothing of the app on purpose.
 */

/** A pane's frame while the app starts: its name, and a note that it is starting. */
export function PaneShell({ label, badge, tone }: { label: string; badge: string; tone: 'a' | 'b' }) {
  return (
    <section className={`pane pane-${tone}`} aria-label={label} aria-busy="true">
      <header className="pane-head">
        <div className="pane-title">
          <span className="pane-badge" aria-hidden="true">
            {badge}
          </span>
          <h2>{label}</h2>
        </div>
      </header>
      <div className="pane-body">
        <p className="empty-pane note">Checking this device…</p>
      </div>
    </section>
  );
}

/** The whole first screen, inert: the prompt takes text once the app has started (nothing typed is lost). */
export function Shell() {
  return (
    <div className="app">
      <div className="first-screen">
        <header className="topbar">
          <div className="brand">
            <h1>Tandem</h1>
            <span className="tagline">two models, one prompt, on your device</span>
          </div>
          <p className="verdict-line">Starting…</p>
        </header>
        <div className="banners" />
        <main className="stage" aria-busy="true">
          <PaneShell label="Pane A" badge="A" tone="a" />
          <PaneShell label="Pane B" badge="B" tone="b" />
        </main>
        <form className="prompt" aria-busy="true">
          <label className="prompt-label" htmlFor="prompt">
            Prompt (sent to both panes)
          </label>
          <textarea id="prompt" rows={2} readOnly placeholder="Starting…" />
          <div className="prompt-actions">
            <button type="submit" className="primary" disabled>
              Send
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
