// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useStore } from '../../store/store';
import { emptyPane, type TurnRecord } from '../../store/types';
import Charts from './charts';

vi.hoisted(() => {
  // uPlot asks for the display's pixel ratio as it is imported; jsdom has no matchMedia and no 2D canvas.
  const query = { matches: false, addEventListener() {}, removeEventListener() {} };
  Object.defineProperty(window, 'matchMedia', { configurable: true, value: () => query });
  Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', { value: () => null });
});

beforeAll(() => {
  // jsdom has no layout; the charts only need the observer to exist.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(cleanup);

/** The body cells of the table with this caption, row by row. */
const cells = (caption: string): string[][] =>
  within(screen.getByRole('table', { name: caption }))
    .getAllByRole('row')
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    );

const turn = (n: number): TurnRecord => ({
  mode: 'together',
  modelId: 'Llama-3.2-3B-Instruct-q4f16_1-MLC',
  engine: 'web-llm 0.2.86',
  startedAt: 1000,
  endedAt: 1200 + 10 * n,
  tokenTimes: Array.from({ length: n }, (_, i) => 1200 + 10 * i),
  engineStats: {
    promptTokens: 8,
    completionTokens: n,
    prefillTokensPerS: null,
    decodeTokensPerS: null,
    timeToFirstTokenMs: null,
  },
});

describe('Charts', () => {
  it('gives every chart a caption and a data table with the latest numbers', () => {
    const model = { engine: 'webllm' as const, id: 'Llama-3.2-3B-Instruct-q4f16_1-MLC' };
    useStore.setState({
      panes: {
        a: {
          ...emptyPane(),
          model,
          messages: [{ id: '1', role: 'assistant', content: 'x', turn: turn(21) }],
        },
        b: emptyPane(),
      },
      memory: {
        a: [
          {
            t: 500,
            gpuLiveBytes: 3 * 2 ** 30,
            gpuPeakBytes: 4 * 2 ** 30,
            gpuBuffers: 7,
            jsHeapBytes: 2 ** 25,
          },
        ],
        b: [],
      },
    });
    render(<Charts publishedVramMB={(id) => (id === model.id ? 2263.69 : null)} />);
    expect(screen.getByRole('figure', { name: /Decode throughput \(last turn of each pane\)/ })).toBeTruthy();
    expect(cells('Live throughput, latest values')).toEqual([
      ['Pane A', model.id, 'last turn', '2', '100.0', '0.40'],
      ['Pane B', '—', 'no turn yet', '0', '—', '—'],
    ]);
    expect(cells('Per-turn history')).toEqual([['1', 'Pane A', model.id, '200', '100.0', '21']]);
    expect(cells('Pane A memory, latest values')).toEqual([
      ['1', '3.00 GB', '4.00 GB', '7', '32.0 MB', '—', '2264 MB'],
    ]);
    expect(screen.getByRole('figure', { name: /Pane B memory over time/ }).textContent).toContain(
      'No memory samples yet',
    );
    expect(screen.getByText('published vram_required_MB')).toBeTruthy();
    // No 2D canvas here: the live charts say so and point to their tables instead of failing.
    expect(
      within(screen.getByRole('figure', { name: /Decode throughput/ })).getByText(/cannot draw charts here/),
    ).toBeTruthy();
  });
});
