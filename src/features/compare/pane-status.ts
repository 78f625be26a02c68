import type { PaneState } from '../../store/types';

/** One line on what a pane is doing, including the case web-llm cannot interrupt: prompt processing. */
export function paneStatusText(p: Pick<PaneState, 'status' | 'stopping'> & { started: boolean }): string {
  if (p.status === 'generating') {
    const waiting = !p.started;
    if (p.stopping)
      return waiting
        ? 'Finishing the prompt… (prompt processing cannot be interrupted; it stops at the first token)'
        : 'Stopping…';
    return waiting ? 'Reading the prompt…' : 'Generating…';
  }
  if (p.status === 'ready') return 'Ready';
  if (p.status === 'loading') return 'Loading…';
  return '';
}
