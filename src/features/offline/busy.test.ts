import { beforeEach, describe, expect, it } from 'vitest';
import { useStore } from '../../store/store';
import { busyReason } from './busy';
import { resetAll, setPane } from './test-helpers';

const reason = () => busyReason(useStore.getState());

describe('busyReason', () => {
  beforeEach(resetAll);

  it('is null with nothing running, whatever is loaded or failed', () => {
    expect(reason()).toBeNull();
    setPane('a', 'ready');
    setPane('b', 'error');
    expect(reason()).toBeNull();
  });

  it('names a streaming reply first, in either pane', () => {
    setPane('b', 'generating');
    setPane('a', 'loading');
    expect(reason()).toBe('reply');
  });

  it('names a load, then the quality check (its panes are ready between questions)', () => {
    setPane('a', 'loading');
    expect(reason()).toBe('load');
    setPane('a', 'ready');
    useStore.getState().patchQuality({ phase: 'running' });
    expect(reason()).toBe('check');
    useStore.getState().patchQuality({ phase: 'idle', presetPhase: 'fetching' });
    expect(reason()).toBe('check');
  });
});
