/** Test helpers: put the store's panes and quality check in a given state, and start from no update. */
import { useStore } from '../../store/store';
import type { PaneId, PaneStatus } from '../../store/types';
import { postponeUpdate } from './update-flow';
import { setUpdateState } from './update-state';

export function setPane(id: PaneId, status: PaneStatus): void {
  useStore.setState((s) => ({ panes: { ...s.panes, [id]: { ...s.panes[id], status } } }));
}

export function resetAll(): void {
  setPane('a', 'empty');
  setPane('b', 'empty');
  useStore.getState().patchQuality({ phase: 'idle', presetPhase: 'idle' });
  postponeUpdate();
  setUpdateState({ phase: 'none', activate: null });
}
