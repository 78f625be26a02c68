/**
 * The quality check and the preset table as plain export data: every setting needed to repeat the run
 * (dataset, split, source, seed, shots, token cap), every answer with its timing, and the accuracies with
 * their 95% Wilson intervals, overall and per subject. Pure.
 */
import type { EngineStats } from '../../engine/types';
import { turnFigures, type TurnFigures } from '../../metrics/figures';
import { MMLU_DATASET } from '../../quality/mmlu';
import { publishedMmlu } from '../../quality/published';
import { PRESETS } from '../../quality/presets';
import { paneScore, runPanes, runSpeed, subjectRows, type RunSpeed, type Score } from '../../quality/score';
import {
  LETTERS,
  type CheckVerdict,
  type Letter,
  type PresetTable,
  type QualityRun,
} from '../../quality/types';
import type { PaneId, TurnRecord } from '../../store/types';

/** A Score with its interval as two plain numbers. */
export type ScoreExport = Omit<Score, 'interval'> & { ciLow: number | null; ciHigh: number | null };

export interface TimingExport {
  metrics: TurnFigures;
  engineStats: EngineStats;
  startedAt: number;
  endedAt: number;
}

export interface AnswerExport {
  reply: string;
  letter: Letter | null;
  correct: boolean;
  error: string | null;
  timing: TimingExport | null;
}

export interface QualityExport {
  dataset: string;
  split: 'test';
  source: string;
  requestedCount: number | null;
  seed: number;
  shots: 0 | 5;
  temperature: 0;
  maxTokens: number;
  createdAt: string;
  finished: boolean;
  skipped: { rowIdx: number; reason: string }[];
  panes: Partial<
    Record<PaneId, { modelId: string; publishedMmlu: number | null; score: ScoreExport; speed: RunSpeed }>
  >;
  subjects: { subject: string; questions: number; scores: Partial<Record<PaneId, ScoreExport>> }[];
  questions: {
    index: number;
    rowIdx: number;
    subject: string;
    question: string;
    choices: string[];
    expected: Letter;
    answers: Partial<Record<PaneId, AnswerExport | null>>;
  }[];
}

export interface PresetsExport {
  createdAt: string;
  finished: boolean;
  models: Record<PaneId, string | null>;
  rows: {
    presetId: string;
    group: string;
    label: string;
    rule: string;
    results: Partial<
      Record<
        PaneId,
        {
          verdict: CheckVerdict;
          detail: string;
          reply: string;
          error: string | null;
          timing: TimingExport | null;
        }
      >
    >;
  }[];
}

const scoreExport = (s: Score): ScoreExport => ({
  correct: s.correct,
  scored: s.scored,
  noAnswer: s.noAnswer,
  failed: s.failed,
  pending: s.pending,
  accuracy: s.accuracy,
  ciLow: s.interval?.low ?? null,
  ciHigh: s.interval?.high ?? null,
});

function timing(t: TurnRecord | undefined): TimingExport | null {
  if (!t) return null;
  return {
    metrics: turnFigures(t),
    engineStats: { ...t.engineStats },
    startedAt: t.startedAt,
    endedAt: t.endedAt,
  };
}

export function qualityExport(run: QualityRun | null): QualityExport | null {
  if (!run) return null;
  const panes = runPanes(run);
  const out: QualityExport['panes'] = {};
  for (const id of panes)
    out[id] = {
      modelId: run.models[id] ?? '',
      publishedMmlu: publishedMmlu(run.models[id] ?? ''),
      score: scoreExport(paneScore(run, id)),
      speed: runSpeed(run.answers[id]),
    };
  return {
    dataset: MMLU_DATASET,
    split: 'test',
    source: run.config.source,
    requestedCount: run.config.count,
    seed: run.config.seed,
    shots: run.config.shots,
    temperature: 0,
    maxTokens: run.config.maxTokens,
    createdAt: new Date(run.createdAt).toISOString(),
    finished: run.finished,
    skipped: run.skipped.map((s) => ({ ...s })),
    panes: out,
    subjects: subjectRows(run).map((r) => {
      const scores: Partial<Record<PaneId, ScoreExport>> = {};
      for (const id of panes) {
        const s = r.scores[id];
        if (s) scores[id] = scoreExport(s);
      }
      return { subject: r.subject, questions: r.questions, scores };
    }),
    questions: run.questions.map((q, i) => {
      const answers: Partial<Record<PaneId, AnswerExport | null>> = {};
      for (const id of panes) {
        const a = run.answers[id][i];
        answers[id] = a
          ? {
              reply: a.reply,
              letter: a.letter,
              correct: a.correct,
              error: a.error ?? null,
              timing: timing(a.turn),
            }
          : null;
      }
      return {
        index: i + 1,
        rowIdx: q.rowIdx,
        subject: q.subject,
        question: q.question,
        choices: [...q.choices],
        expected: LETTERS[q.answer] ?? 'A',
        answers,
      };
    }),
  };
}

export function presetsExport(table: PresetTable | null): PresetsExport | null {
  if (!table) return null;
  return {
    createdAt: new Date(table.createdAt).toISOString(),
    finished: table.finished,
    models: { ...table.models },
    rows: PRESETS.map((p) => {
      const results: PresetsExport['rows'][number]['results'] = {};
      for (const [id, o] of Object.entries(table.results[p.id] ?? {}) as [
        PaneId,
        (typeof table.results)[string][PaneId],
      ][])
        if (o)
          results[id] = {
            verdict: o.check.verdict,
            detail: o.check.detail,
            reply: o.reply,
            error: o.error ?? null,
            timing: timing(o.turn),
          };
      return { presetId: p.id, group: p.group, label: p.label, rule: p.rule, results };
    }),
  };
}
