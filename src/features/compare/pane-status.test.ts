import { describe, expect, it } from 'vitest';
import { paneStatusText } from './pane-status';

describe('paneStatusText', () => {
  it('says the prompt is being finished when stop comes before the first token', () => {
    expect(paneStatusText({ status: 'generating', stopping: true, started: false })).toMatch(
      /^Finishing the prompt/,
    );
    expect(paneStatusText({ status: 'generating', stopping: true, started: true })).toBe('Stopping…');
  });
  it('tells prompt reading from generating', () => {
    expect(paneStatusText({ status: 'generating', stopping: false, started: false })).toBe(
      'Reading the prompt…',
    );
    expect(paneStatusText({ status: 'generating', stopping: false, started: true })).toBe('Generating…');
    expect(paneStatusText({ status: 'ready', stopping: false, started: false })).toBe('Ready');
  });
});
