import { describe, expect, it } from 'vitest';
import { remoteSpec } from '../engine/remote/spec';
import type { ModelSpec } from '../engine/types';
import { initialBlind } from './blind-slice';
import {
  displayOrder,
  modelName,
  paneName,
  paneRef,
  reveals,
  scrubText,
  type NamingState,
} from './blind-view';

const url = 'https://huggingface.co/org/repo/resolve/main/tiny-story-Q4_K_M.gguf';
const gguf: ModelSpec = { engine: 'llamacpp', id: `gguf:${url}`, url };
const webllm: ModelSpec = { engine: 'webllm', id: 'Llama-3.2-3B-Instruct-q4f16_1-MLC' };
const server = remoteSpec('https://llm.example.org:8443/v1', 'secret-model-7b');

function state(on: boolean, model1: 'a' | 'b' = 'b', hideSpeed = false): NamingState {
  return {
    blind: { ...initialBlind, on, model1, hideSpeed },
    panes: { a: { model: gguf }, b: { model: webllm } },
    picks: { a: gguf, b: webllm },
    linkOffer: { picks: { b: server } },
  };
}

describe('blind naming', () => {
  it('names panes by letter out of blind mode, and by side while blind', () => {
    expect(paneName(state(false), 'a')).toBe('Pane A');
    expect(paneRef(state(false), 'b')).toBe('pane B');
    expect(displayOrder(state(false))).toEqual(['a', 'b']);
    // Pane B drawn as Model 1: it is shown first, and named by its side only.
    expect(paneName(state(true, 'b'), 'b')).toBe('Model 1');
    expect(paneName(state(true, 'b'), 'a')).toBe('Model 2');
    expect(paneRef(state(true, 'b'), 'a')).toBe('Model 2');
    expect(displayOrder(state(true, 'b'))).toEqual(['b', 'a']);
    expect(displayOrder(state(true, 'a'))).toEqual(['a', 'b']);
  });

  it('shows identity never while blind, and speed unless asked to hide it', () => {
    expect(reveals(state(false), 'identity')).toBe(true);
    expect(reveals(state(true), 'identity')).toBe(false);
    expect(reveals(state(true), 'speed')).toBe(true);
    expect(reveals(state(true, 'a', true), 'speed')).toBe(false);
    expect(reveals(state(false, 'a', true), 'speed')).toBe(true);
    expect(modelName(state(false), webllm)).toBe(webllm.id);
    expect(modelName(state(true), webllm)).toBeNull();
  });

  it('scrubs every name of either model, and pane letters, from any text while blind', () => {
    const text = [
      `404 for ${url}`,
      'tiny-story-Q4_K_M.gguf failed',
      'Llama-3.2-3B-Instruct-q4f16_1-MLC needs shader-f16; Llama-3.2-3B-Instruct is large',
      'secret-model-7b on llm.example.org:8443',
      'Pane A is still answering; pane B waits.',
    ].join('\n');
    const out = scrubText(state(true, 'b'), text);
    for (const name of [
      'tiny-story',
      'huggingface',
      'Llama',
      'secret-model',
      'llm.example',
      'Pane A',
      'pane B',
    ])
      expect(out).not.toContain(name);
    expect(out).toBe(
      [
        '404 for Model 2',
        'Model 2 failed',
        'Model 1 needs shader-f16; Model 1 is large',
        'Model 1',
        'Model 2 is still answering; Model 1 waits.',
      ].join('\n'),
    );
    expect(scrubText(state(false), text)).toBe(text);
  });
});
