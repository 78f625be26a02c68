/**
 * The Fullscreen API, where the browser allows it: asked for on entering presentation mode (it needs the
 * click or key press that entered), left on leaving it. Refused or unavailable, presentation mode is the
 * same layout filling the page. Leaving fullscreen by the browser's own means (Esc, F11) leaves
 * presentation mode too.
 */
import { useEffect, useState } from 'react';
import { enterPresentation, leavePresentation } from '../../controller/present';

export const canFullscreen = (): boolean =>
  typeof document.documentElement.requestFullscreen === 'function' && document.fullscreenEnabled;

export function requestFullscreen(): void {
  if (!canFullscreen() || document.fullscreenElement) return;
  // Refused (no user gesture, a permissions policy): the page layout stays, which is the fallback.
  document.documentElement.requestFullscreen().catch(() => undefined);
}

export function exitFullscreen(): void {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
}

/** Presentation mode, fullscreen where allowed (call it from the click or key press that asks for it). */
export function startPresenting(): void {
  enterPresentation();
  requestFullscreen();
}

/** Whether the page is fullscreen now; leaving fullscreen leaves presentation mode. */
export function useFullscreen(): boolean {
  const [full, setFull] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const onChange = (): void => {
      const now = document.fullscreenElement !== null;
      setFull(now);
      if (!now) leavePresentation();
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      exitFullscreen();
    };
  }, []);
  return full;
}
