/**
 * What the visitor's answer to "a new version is ready" does. A yes hands control to the new version and
 * reloads this page — at once when nothing is running, otherwise as soon as the reply, load or check that
 * is running has ended. A comparison is never cut off by an update, and nothing reloads without a yes.
 */
import { useStore } from '../../store/store';
import { busyReason } from './busy';
import { getUpdateState, setUpdateState, type UpdatePhase } from './update-state';

const reloadPage = (): void => window.location.reload();

let unwatch: (() => void) | null = null;
/** Where a yes came from: a version still waiting, or one that already took over from another tab. */
let askedFrom: UpdatePhase = 'waiting';

function stopWatching(): void {
  unwatch?.();
  unwatch = null;
}

function go(reload: () => void): void {
  stopWatching();
  // A version already in control needs only the reload; a waiting one takes over first, and the page
  // reloads when it has (onNewVersionInControl).
  if (askedFrom === 'elsewhere') reload();
  else void getUpdateState().activate?.();
}

export function requestUpdate(reload: () => void = reloadPage): void {
  const { phase } = getUpdateState();
  if (phase !== 'waiting' && phase !== 'elsewhere') return;
  askedFrom = phase;
  setUpdateState({ phase: 'requested' });
  if (busyReason(useStore.getState()) === null) return go(reload);
  unwatch = useStore.subscribe((s) => {
    if (busyReason(s) === null) go(reload);
  });
}

/** "Not now", or "Cancel" after a yes that waits for a reply: the new version waits for a later visit. */
export function postponeUpdate(): void {
  stopWatching();
  const { phase } = getUpdateState();
  setUpdateState({ phase: phase === 'requested' ? askedFrom : 'none' });
}

/**
 * The new version now controls this page (which still runs the old code). Reload where the visitor asked
 * for it and nothing runs; otherwise (another tab said yes, or a reply started meanwhile) say so.
 */
export function onNewVersionInControl(reload: () => void = reloadPage): void {
  const asked = getUpdateState().phase === 'requested';
  if (asked && busyReason(useStore.getState()) === null) reload();
  else {
    stopWatching();
    setUpdateState({ phase: 'elsewhere' });
  }
}
