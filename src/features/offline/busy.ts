/**
 * What an update's reload would interrupt right now: a reply streaming, a model loading, or the quality
 * check running (it asks one question after another, with ready panes in between). Null when nothing is.
 */
import type { AppState } from '../../store/store';
import { PANES } from '../../store/types';

export type BusyReason = 'reply' | 'load' | 'check';

export function busyReason(s: AppState): BusyReason | null {
  if (PANES.some((id) => s.panes[id].status === 'generating')) return 'reply';
  if (PANES.some((id) => s.panes[id].status === 'loading')) return 'load';
  if (s.quality.phase !== 'idle' || s.quality.presetPhase !== 'idle') return 'check';
  return null;
}
