import { describe, expect, it } from 'vitest';
import { paneStatusText } from './pane-status';

const draft = (n: number) => ({
  id: 'd',
  text: 'x'.repeat(n),
  tokenTimes: Array.from({ length: n }, (_, i) => i),
  startedAt: 0,
  mode: 'together' as const,
});

describe('paneStatusText', () => {
  it('says the prompt is being finished when stop comes before the first token', () => {
    expect(paneStatusText({ status: 'generating', stopping: true, draft: draft(0) })).toMatch(
      /^Finishing the prompt/,
    );
    expect(paneStatusText({ status: 'generating', stopping: true, draft: draft(3) })).toBe('Stopping…');
  });
  it('tells prompt reading from generating', () => {
    expect(paneStatusText({ status: 'generating', stopping: false, draft: draft(0) })).toBe(
      'Reading the prompt…',
    );
    expect(paneStatusText({ status: 'generating', stopping: false, draft: draft(1) })).toBe('Generating…');
    expect(paneStatusText({ status: 'ready', stopping: false, draft: null })).toBe('Ready');
  });
});
