// @vitest-environment jsdom
import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useStore, type AppState } from '../../store/store';
import { SAMPLE_INTERVAL_MS, useSampled } from './use-sampled';

const readPaneA = (s: AppState) => [s.panes.a] as const;

function Probe({ onRender }: { onRender: (tokens: number) => void }) {
  const [a] = useSampled(readPaneA);
  onRender(a.draft?.tokenTimes.length ?? 0);
  return null;
}

describe('useSampled', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('re-renders at most once per interval however often the store changes, and not when idle', async () => {
    const seen: number[] = [];
    render(<Probe onRender={(n) => seen.push(n)} />);
    const start = seen.length;
    useStore.getState().patchPane('a', {
      draft: { id: 'd', text: '', tokenTimes: [], startedAt: 0, mode: 'together' },
    });
    // 1 s of streaming: a token batch every 4 ms (250 store updates).
    for (let i = 0; i < 250; i++) {
      await act(async () => {
        useStore
          .getState()
          .patchPane('a', (p) =>
            p.draft ? { draft: { ...p.draft, tokenTimes: [...p.draft.tokenTimes, i] } } : {},
          );
        await vi.advanceTimersByTimeAsync(4);
      });
    }
    const renders = seen.length - start;
    expect(renders).toBeGreaterThanOrEqual(1000 / SAMPLE_INTERVAL_MS - 1);
    expect(renders).toBeLessThanOrEqual(1000 / SAMPLE_INTERVAL_MS + 1);
    // Within two intervals of the last change, the latest value is on screen.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(SAMPLE_INTERVAL_MS * 2);
    });
    expect(seen.at(-1)).toBe(250);
    // Nothing changes for 2 s: no render at all.
    const idle = seen.length;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2000);
    });
    expect(seen.length).toBe(idle);
  });
});
