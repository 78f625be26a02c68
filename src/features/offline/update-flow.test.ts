import { beforeEach, describe, expect, it, vi } from 'vitest';
import { onNewVersionInControl, postponeUpdate, requestUpdate } from './update-flow';
import { getUpdateState, setUpdateState } from './update-state';
import { resetAll, setPane } from './test-helpers';

const activate = vi.fn(() => Promise.resolve());
const reload = vi.fn();

beforeEach(() => {
  resetAll();
  activate.mockClear();
  reload.mockClear();
  setUpdateState({ phase: 'waiting', activate });
});

describe('a yes to "a new version is ready"', () => {
  it('hands control to the new version at once when nothing runs, and reloads when it has it', () => {
    requestUpdate(reload);
    expect(activate).toHaveBeenCalledTimes(1);
    expect(reload).not.toHaveBeenCalled();
    onNewVersionInControl(reload);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('waits for the streaming reply to end, then goes ahead by itself', () => {
    setPane('a', 'generating');
    requestUpdate(reload);
    expect(getUpdateState().phase).toBe('requested');
    expect(activate).not.toHaveBeenCalled();
    // Another pane's load starting meanwhile is waited for too.
    setPane('b', 'loading');
    setPane('a', 'ready');
    expect(activate).not.toHaveBeenCalled();
    setPane('b', 'ready');
    expect(activate).toHaveBeenCalledTimes(1);
    // Later changes do not hand over control again.
    setPane('a', 'generating');
    setPane('a', 'ready');
    expect(activate).toHaveBeenCalledTimes(1);
  });

  it('can be taken back while it waits: nothing happens when the reply ends', () => {
    setPane('a', 'generating');
    requestUpdate(reload);
    postponeUpdate();
    expect(getUpdateState().phase).toBe('waiting');
    setPane('a', 'ready');
    expect(activate).not.toHaveBeenCalled();
  });

  it('"Not now" puts the notice away', () => {
    postponeUpdate();
    expect(getUpdateState().phase).toBe('none');
  });

  it('never reloads when a reply started between the yes and the change of control', () => {
    requestUpdate(reload);
    setPane('a', 'generating');
    onNewVersionInControl(reload);
    expect(reload).not.toHaveBeenCalled();
    expect(getUpdateState().phase).toBe('elsewhere');
  });
});

describe('a new version that took over from another tab', () => {
  it('is only reported: this page reloads when its visitor says so, after the running reply', () => {
    setUpdateState({ phase: 'none' });
    onNewVersionInControl(reload);
    expect(reload).not.toHaveBeenCalled();
    expect(getUpdateState().phase).toBe('elsewhere');
    setPane('b', 'generating');
    requestUpdate(reload);
    expect(reload).not.toHaveBeenCalled();
    setPane('b', 'ready');
    // Already in control: a reload is all it takes.
    expect(reload).toHaveBeenCalledTimes(1);
    expect(activate).not.toHaveBeenCalled();
  });

  it('goes back to being reported when the visitor cancels', () => {
    setUpdateState({ phase: 'elsewhere' });
    setPane('a', 'generating');
    requestUpdate(reload);
    postponeUpdate();
    expect(getUpdateState().phase).toBe('elsewhere');
  });
});

it('does nothing without a new version', () => {
  setUpdateState({ phase: 'none' });
  requestUpdate(reload);
  expect(getUpdateState().phase).toBe('none');
  expect(activate).not.toHaveBeenCalled();
});
