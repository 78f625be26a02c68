/**
 * The summary card's figures: per pane, over the demo's turns only (the replies to the prompts the demo
 * sent), the same derivation the panes, the comparison table and the exports use (metrics/figures.ts:
 * each turn's figures, then medians over the turns that have them). Pure.
 */
import { paneFigures, type PaneFigures } from '../../metrics/figures';
import type { CheckVerdict } from '../../quality/types';
import { exchange, replyFigures } from '../../store/transcript';
import type { Message } from '../../store/types';

/** A demo reply to a preset's prompt: its check can be run on it. */
export interface CheckItem {
  presetId: string;
  /** The reply's text, or null when it did not finish (not checked). */
  reply: string | null;
}

export interface DemoSummary {
  figures: PaneFigures;
  /** Steps sent to this pane with no finished, timed reply (still answering, missed, stopped early…). */
  unfinished: number;
  checks: CheckItem[];
}

const FINISHED = new Set(['stop', 'length', 'context']);

export function demoSummary(messages: readonly Message[], promptIds: readonly string[]): DemoSummary {
  const steps = promptIds.map((id) => exchange(messages, id));
  const timed = steps.flatMap(({ reply }) => {
    const f = replyFigures(reply);
    return f ? [f] : [];
  });
  const checks = steps.flatMap(({ prompt, reply }) =>
    prompt?.presetId
      ? [
          {
            presetId: prompt.presetId,
            reply: reply && FINISHED.has(reply.status ?? '') ? reply.content : null,
          },
        ]
      : [],
  );
  return { figures: paneFigures(timed), unfinished: steps.length - timed.length, checks };
}

/** Checks passed out of those that could decide (a preset without a check, or an unfinished reply, is not counted). */
export function tallyChecks(verdicts: readonly (CheckVerdict | null)[]): { passed: number; checked: number } {
  const decided = verdicts.filter((v) => v === 'pass' || v === 'fail');
  return { passed: decided.filter((v) => v === 'pass').length, checked: decided.length };
}
