/**
 * A run's results: accuracy per model with its 95% Wilson interval, per subject, and the speed of the
 * answers (prefill-heavy: long prompts, a few tokens out). Failed questions (the engine erred) are not
 * scored; a reply without a letter is scored as wrong.
 */
import { median } from '../metrics/stats';
import { turnFigures } from '../metrics/figures';
import { formatProportion, wilson, type Interval } from '../metrics/wilson';
import { PANES, type PaneId } from '../store/types';
import type { McAnswer, QualityRun } from './types';

export interface Score {
  correct: number;
  /** Answered and scored (no-answer replies included). */
  scored: number;
  noAnswer: number;
  failed: number;
  /** Not asked yet. */
  pending: number;
  accuracy: number | null;
  interval: Interval | null;
}

export function scoreOf(answers: readonly (McAnswer | null | undefined)[]): Score {
  let correct = 0;
  let scored = 0;
  let noAnswer = 0;
  let failed = 0;
  let pending = 0;
  for (const a of answers) {
    if (!a) pending++;
    else if (a.error !== undefined) failed++;
    else {
      scored++;
      if (a.correct) correct++;
      if (a.letter === null) noAnswer++;
    }
  }
  return {
    correct,
    scored,
    noAnswer,
    failed,
    pending,
    accuracy: scored ? correct / scored : null,
    interval: wilson(correct, scored),
  };
}

/** The panes that take part in a run (a model was loaded there when it started). */
export const runPanes = (run: QualityRun): PaneId[] => PANES.filter((id) => run.models[id] !== null);

export function paneScore(run: QualityRun, pane: PaneId): Score {
  return scoreOf(run.questions.map((_, i) => run.answers[pane][i]));
}

export interface SubjectRow {
  subject: string;
  questions: number;
  scores: Partial<Record<PaneId, Score>>;
}

export function subjectRows(run: QualityRun): SubjectRow[] {
  const subjects = [...new Set(run.questions.map((q) => q.subject))].sort();
  return subjects.map((subject) => {
    const idx = run.questions.flatMap((q, i) => (q.subject === subject ? [i] : []));
    const scores: Partial<Record<PaneId, Score>> = {};
    for (const id of runPanes(run)) scores[id] = scoreOf(idx.map((i) => run.answers[id][i]));
    return { subject, questions: idx.length, scores };
  });
}

export interface RunSpeed {
  turns: number;
  medianTtftMs: number | null;
  medianPrefill: number | null;
  medianDecode: number | null;
}

export function runSpeed(answers: readonly (McAnswer | null | undefined)[]): RunSpeed {
  const ms = answers.flatMap((a) => (a?.turn ? [turnFigures(a.turn)] : []));
  const pick = (f: (m: (typeof ms)[number]) => number | null): number | null =>
    median(ms.map(f).filter((x): x is number => x !== null));
  return {
    turns: ms.length,
    medianTtftMs: pick((m) => m.ttftMs),
    medianPrefill: pick((m) => m.prefillTokensPerS),
    medianDecode: pick((m) => m.decodeTokensPerS),
  };
}

/** "60.0% (95% CI 23.1–88.2%)". */
export function formatAccuracy(s: Score): string {
  return formatProportion(s.accuracy, s.interval);
}

/** "60.0% (95% CI 23.1–88.2%), 3 / 5": the accuracy with its interval, and the counts it rests on. */
export function formatScore(s: Score): string {
  return `${formatAccuracy(s)}, ${s.correct} / ${s.scored}`;
}
