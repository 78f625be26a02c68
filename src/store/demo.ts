/**
 * The demo script of presentation mode and the stepping through it, as plain data and pure functions.
 *
 * A run is a position in the script plus, for every step already sent, the id its prompt carries in both
 * panes (`promptId`). Position −1 is the title card (nothing sent yet), 0…n−1 a step, n the summary card.
 * Going forward sends a step only the first time it is reached; going back only shows an earlier step's
 * prompt and replies again (it never resends: a resend would change the figures the summary reports).
 */
import { PRESETS } from '../quality/presets';

export const DEMO_LIMITS = { steps: 20, chars: 4000 } as const;

/** By default: four of the article's use cases, each with an automatic check. */
export const DEFAULT_DEMO_PRESETS = ['instructions', 'reasoning', 'summary', 'json'] as const;

export const defaultDemo = (): string[] =>
  DEFAULT_DEMO_PRESETS.flatMap((id) => PRESETS.find((p) => p.id === id)?.prompt ?? []);

export interface DemoRun {
  /** −1: not started; 0…n−1: the step shown; n: the summary card. */
  index: number;
  /** The prompt id each step was sent with (null: not sent yet). */
  sent: (string | null)[];
}

export const newRun = (): DemoRun => ({ index: -1, sent: [] });

/** Where "next" goes: the new run, and the step to send now (null when it was sent before, or none). */
export function nextStep(run: DemoRun, steps: number): { run: DemoRun; send: number | null } {
  if (run.index >= steps) return { run, send: null };
  const index = run.index + 1;
  const send = index < steps && !run.sent[index] ? index : null;
  return { run: { ...run, index }, send };
}

/** Back one step (to the title card at most): shows it again, sends nothing. */
export function previousStep(run: DemoRun): DemoRun {
  return run.index <= -1 ? run : { ...run, index: run.index - 1 };
}

/** Records that step `i` went out with `promptId`. */
export function markSent(run: DemoRun, i: number, promptId: string): DemoRun {
  const sent = [...run.sent];
  while (sent.length <= i) sent.push(null);
  sent[i] = promptId;
  return { ...run, sent };
}

/** The ids of every step sent so far, in order. */
export const sentIds = (run: DemoRun): string[] => run.sent.filter((x): x is string => x !== null);

/** "Step 2 of 5", "Summary" or "Ready: 5 steps": what the step indicator says. */
export function stepLabel(run: DemoRun, steps: number): string {
  if (run.index < 0) return `Ready: ${steps} ${steps === 1 ? 'step' : 'steps'}`;
  if (run.index >= steps) return 'Summary';
  return `Step ${run.index + 1} of ${steps}`;
}

/** What is wrong with an edited script, in words (empty: it can be saved). */
export function demoProblems(steps: readonly string[]): string[] {
  const out: string[] = [];
  if (!steps.length) out.push('The demo needs at least one step.');
  if (steps.length > DEMO_LIMITS.steps) out.push(`The demo can have at most ${DEMO_LIMITS.steps} steps.`);
  steps.forEach((s, i) => {
    if (!s.trim()) out.push(`Step ${i + 1} is empty: write a prompt or remove the step.`);
    if (s.length > DEMO_LIMITS.chars)
      out.push(`Step ${i + 1} is longer than ${DEMO_LIMITS.chars} characters.`);
  });
  return out;
}

/** Moves item `i` by `by` places (the list unchanged when it would leave it). */
export function moveItem<T>(xs: readonly T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (i < 0 || i >= xs.length || j < 0 || j >= xs.length) return [...xs];
  const out = [...xs];
  const [x] = out.splice(i, 1);
  if (x !== undefined) out.splice(j, 0, x);
  return out;
}
