/**
 * "Present" in the top bar, and the P key (outside text fields): presentation mode, fullscreen where the
 * browser allows it. Also the note a `present=1` link leaves until its models are ready.
 */
import { useEffect } from 'react';
import { leavePresentation } from '../../controller/present';
import { useStore } from '../../store/store';
import { plainKey } from '../../ui/keys';
import { startPresenting } from './fullscreen';

export function PresentButton() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'p' && e.key !== 'P') return;
      if (!plainKey(e) || e.shiftKey || useStore.getState().present.on) return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      startPresenting();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <button type="button" onClick={startPresenting} aria-keyshortcuts="P" title="Presentation mode (P)">
      Present
    </button>
  );
}

/** A link asked for presentation mode: it opens once the models are loaded, or now with a click. */
export function PresentPending() {
  const pending = useStore((s) => s.present.pending);
  if (!pending) return null;
  return (
    <p className="notice" role="status">
      This link opens presentation mode once the models are loaded.{' '}
      <button type="button" onClick={startPresenting}>
        Present now
      </button>{' '}
      <button type="button" onClick={leavePresentation}>
        Stay on this page
      </button>
    </p>
  );
}
