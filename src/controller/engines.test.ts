import { beforeEach, describe, expect, it } from 'vitest';
import { explainError } from '../engine/errors';
import { useStore } from '../store/store';
import { emptyPane } from '../store/types';
import { markGpuLost } from './engines';

describe('markGpuLost', () => {
  beforeEach(() => {
    useStore.setState({ panes: { a: emptyPane(), b: emptyPane() } });
  });

  it('turns a loaded pane into a device-lost error naming the model, and keeps its transcript', () => {
    const messages = [{ id: '1', role: 'user' as const, content: 'hi' }];
    useStore.getState().patchPane('a', {
      status: 'ready',
      model: { engine: 'webllm', id: 'Llama-3.1-8B-Instruct-q4f32_1-MLC' },
      messages,
    });
    markGpuLost('a', { reason: 'unknown', message: 'GPU process crashed' });
    const a = useStore.getState().panes.a;
    expect(a.status).toBe('error');
    expect(explainError(a.error).kind).toBe('device-lost');
    expect(a.error?.message).toContain('Llama-3.1-8B-Instruct-q4f32_1-MLC');
    expect(a.messages).toBe(messages);
    expect(useStore.getState().panes.b.status).toBe('empty');
  });

  it('ignores panes that hold no loaded model', () => {
    markGpuLost('b', { reason: 'unknown', message: '' });
    expect(useStore.getState().panes.b.status).toBe('empty');
  });
});
