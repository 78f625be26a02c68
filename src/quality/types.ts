/**
 * The data of a quality check: MMLU questions as fetched, the answers each model gave, and the preset
 * runs. Plain, serialisable values (they are saved in IndexedDB and exported as they are).
 */
import type { PaneId, TurnRecord } from '../store/types';

export const LETTERS = ['A', 'B', 'C', 'D'] as const;
export type Letter = (typeof LETTERS)[number];

/** One MMLU question, validated (see rows.ts). */
export interface McQuestion {
  /** Where it came from: dataset config ("all" or a subject) and split, and the row's index in that split. */
  config: string;
  split: 'test' | 'dev';
  rowIdx: number;
  subject: string;
  question: string;
  choices: [string, string, string, string];
  /** Index of the right choice, 0–3. */
  answer: number;
}

/** What one model did with one question. */
export interface McAnswer {
  reply: string;
  /** The letter found in the reply; null: no answer found (scored as wrong). */
  letter: Letter | null;
  correct: boolean;
  /** The engine failed on this question: not scored, asked again on Resume. */
  error?: string;
  turn?: TurnRecord;
}

export interface RunConfig {
  /** "all" (the whole test split, every subject) or one subject's config name. */
  source: string;
  /** Questions to ask; null: every question of the subject. */
  count: number | null;
  seed: number;
  shots: 0 | 5;
  maxTokens: number;
}

/** A quality run, finished or not; saved after every question, so Resume continues where it stopped. */
export interface QualityRun {
  id: string;
  config: RunConfig;
  /** Epoch ms. */
  createdAt: number;
  /** The sample, in the order asked: the same for every model. */
  questions: McQuestion[];
  /** 5-shot: each subject's worked examples (its dev split's first five), kept so Resume needs no network. */
  shots: Record<string, McQuestion[]>;
  /** Rows of the sample the server sent in a form that could not be used (not asked, listed). */
  skipped: { rowIdx: number; reason: string }[];
  /** The model in each pane when the run started; null: that pane takes no part. */
  models: Record<PaneId, string | null>;
  /** answers[pane][question index]; null until asked. */
  answers: Record<PaneId, (McAnswer | null)[]>;
  finished: boolean;
}

export type CheckVerdict = 'pass' | 'fail' | 'none';

export interface CheckResult {
  verdict: CheckVerdict;
  /** What was found, in words ("found 39", "detected French (fr)", "no automatic check"). */
  detail: string;
}

/** One preset asked of one model by "Run all presets". */
export interface PresetOutcome {
  reply: string;
  check: CheckResult;
  error?: string;
  turn?: TurnRecord;
}

export interface PresetTable {
  /** Epoch ms. */
  createdAt: number;
  models: Record<PaneId, string | null>;
  /** results[presetId][pane] */
  results: Record<string, Partial<Record<PaneId, PresetOutcome>>>;
  finished: boolean;
}
