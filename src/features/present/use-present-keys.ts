/**
 * Keys in presentation mode: Space or → next step, ← back, Esc leaves presentation mode (first: it does not
 * also stop the replies — the page's own Esc handler sees the key as handled; a second Esc, out of
 * presentation mode, stops them). Listened for on the document in the capture phase, so they are seen
 * before the page's window-level shortcuts. Keys typed into a field, or while a dialog is open, are left alone.
 */
import { useEffect } from 'react';
import { plainKey } from '../../ui/keys';

export interface PresentKeys {
  next: () => void;
  back: () => void;
  leave: () => void;
}

/** A button, link or other control that Space activates by itself. */
const activates = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement && t.closest('button, a[href], summary, [role="button"]') !== null;

export function usePresentKeys(keys: PresentKeys): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!plainKey(e) || document.querySelector('dialog[open]')) return;
      if (e.key === 'Escape') keys.leave();
      else if (e.key === 'ArrowRight' || (e.key === ' ' && !activates(e.target))) keys.next();
      else if (e.key === 'ArrowLeft') keys.back();
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [keys]);
}
