import { describe, expect, it } from 'vitest';
import pkgText from '../../../package.json?raw';
import { emptyStats } from '../../engine/types';
import type { Message } from '../../store/types';
import { buildReport, paneTurns, transcriptOf, WEBLLM_VERSION } from './report';

describe('report', () => {
  it('carries the conversation itself: every message, how replies ended and prompts that missed the pane', () => {
    const messages: Message[] = [
      { id: '1', role: 'user', content: 'first', delivery: { state: 'missed', reason: 'no model' } },
      { id: '2', role: 'user', content: 'second' },
      { id: '3', role: 'assistant', content: 'cut', status: 'interrupted' },
    ];
    expect(transcriptOf(messages)).toEqual([
      { role: 'user', content: 'first', status: null, delivery: { state: 'missed', reason: 'no model' } },
      { role: 'user', content: 'second', status: null, delivery: null },
      { role: 'assistant', content: 'cut', status: 'interrupted', delivery: null },
    ]);
  });

  it('names the web-llm version the app pins', () => {
    const pkg = JSON.parse(pkgText) as { dependencies: Record<string, string> };
    // The version shown and exported is the package.json pin, which must be exact (no ^ or ~ range).
    expect(WEBLLM_VERSION).toBe(pkg.dependencies['@mlc-ai/web-llm']);
    expect(WEBLLM_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('numbers the finished turns of a pane and skips replies without a turn record', () => {
    const turn = {
      mode: 'in-turn' as const,
      modelId: 'm',
      engine: 'e',
      startedAt: 0,
      endedAt: 10,
      engineStats: emptyStats,
    };
    const messages: Message[] = [
      { id: '1', role: 'user', content: 'q' },
      { id: '2', role: 'assistant', content: 'failed', status: 'error' },
      { id: '3', role: 'assistant', content: 'ok', status: 'stop', turn: { ...turn, tokenTimes: [5, 6, 8] } },
      { id: '4', role: 'assistant', content: 'ok', status: 'length', turn: { ...turn, tokenTimes: [] } },
    ];
    const turns = paneTurns('b', messages);
    expect(turns.map((t) => [t.pane, t.turn, t.status, t.metrics.tokens, t.mode])).toEqual([
      ['b', 1, 'stop', 3, 'in-turn'],
      ['b', 2, 'length', 0, 'in-turn'],
    ]);
    expect(turns[0]?.metrics.ttftMs).toBe(5);
    expect(turns[0]?.metrics.decodeTokensPerS).toBeCloseTo(2 / 0.003, 6);
  });

  it('copies the input, so a later store update cannot change an export', () => {
    const memory = [{ t: 1, gpuLiveBytes: 2, gpuPeakBytes: 3, gpuBuffers: 1, jsHeapBytes: null }];
    const empty = { modelId: null, runtime: null, messages: [], memory };
    const r = buildReport({ exportedAt: 0, webllmVersion: 'x', device: null, panes: { a: empty, b: empty } });
    memory[0] = { ...memory[0], t: 99 } as (typeof memory)[number];
    expect(r.panes.a.memory[0]?.t).toBe(1);
    expect(r.exportedAt).toBe('1970-01-01T00:00:00.000Z');
    expect(r.device).toBeNull();
  });
});
