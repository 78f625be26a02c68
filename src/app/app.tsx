import { useEffect } from 'react';
import { stopAll } from '../controller/generate';
import { restoreSession } from '../controller/session';
import { defaultPair, NO_LLAMA_31_7B } from '../features/models/catalog';
import { Pane } from '../features/compare/pane';
import { PromptBox } from '../features/compare/prompt-box';
import { useStore } from '../store/store';
import { DeviceSummary } from './device-summary';
import { useDevice } from './use-device';
import { Announcer } from './announcer';

export function App() {
  const device = useDevice();
  const restored = useStore((s) => s.restored);
  useEffect(() => {
    void restoreSession();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') stopAll();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const [a, b] = defaultPair(device?.f16 ?? false);
  return (
    <main className="app">
      <header className="top">
        <h1>Tandem</h1>
        <p className="tagline">
          Two language models, one prompt, on your own device — with the numbers to compare them.
        </p>
        <DeviceSummary device={device} />
        <p className="note" aria-label="About the pair">
          Default pair: Llama-3.2-3B-Instruct against Llama-3.1-8B-Instruct. {NO_LLAMA_31_7B}
        </p>
      </header>
      {device && restored && (
        <div className="panes">
          <Pane pane="a" initialModel={a} />
          <Pane pane="b" initialModel={b} />
        </div>
      )}
      <PromptBox />
      <Announcer />
    </main>
  );
}
