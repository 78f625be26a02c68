/**
 * The top of the page, one line: the name, the device verdict for the chosen pair, and the few actions a
 * person needs before and during a comparison (load both, copy the link, theme, settings and tools).
 */
import { loadPair } from '../controller/load';
import { BlindSwitch } from '../features/blind/blind-switch';
import { VerdictLine } from '../features/device/verdict-line';
import { useStore } from '../store/store';
import { PANES } from '../store/types';
import { nextTheme, setTheme, useTheme } from '../ui/theme';
import { CopyLink } from './copy-link';
import type { ToolTab } from './tools-drawer';

const THEME_WORDS = { system: 'System theme', light: 'Light theme', dark: 'Dark theme' } as const;

export function TopBar({ onTools }: { onTools: (tab: ToolTab) => void }) {
  const theme = useTheme();
  // "Load both" while some picked model is not loaded yet and nothing is loading.
  const canLoad = useStore(
    (s) =>
      PANES.some(
        (id) => s.picks[id] && s.panes[id].status !== 'ready' && s.panes[id].status !== 'generating',
      ) && !PANES.some((id) => s.panes[id].status === 'loading'),
  );
  return (
    <header className="topbar">
      <div className="brand">
        <h1>Tandem</h1>
        <span className="tagline">two models, one prompt, on your device</span>
      </div>
      <VerdictLine />
      <div className="topbar-actions">
        {canLoad && (
          <button type="button" className="primary" onClick={() => void loadPair()}>
            Load both
          </button>
        )}
        <BlindSwitch />
        <CopyLink />
        <button
          type="button"
          className="icon-button"
          aria-label={`${THEME_WORDS[theme]} (change)`}
          title={THEME_WORDS[theme]}
          onClick={() => setTheme(nextTheme(theme))}
        >
          {theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}
        </button>
        <button type="button" onClick={() => onTools('settings')}>
          <span className="wide-only">Settings and tools</span>
          <span className="phone-only" aria-hidden="true">
            Tools
          </span>
        </button>
      </div>
    </header>
  );
}
