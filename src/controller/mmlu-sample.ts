/** A run's questions: the seeded sample of the test split and, for 5-shot, each subject's worked examples. */
import { NOT_SENT } from '../quality/rows';
import { sampleIndices } from '../quality/sample';
import type { McQuestion, QualityRun, RunConfig } from '../quality/types';
import { fetchRows, splitSize, type FetchHooks } from './mmlu-source';

export type Sample = Pick<QualityRun, 'questions' | 'skipped' | 'shots'>;

const SHOTS = 5;

/** Each subject's first five dev rows (the standard 5-shot examples), fetched for the whole config at once. */
async function fetchShots(
  source: string,
  subjects: ReadonlySet<string>,
  hooks: FetchHooks,
): Promise<Record<string, McQuestion[]>> {
  const total = await splitSize(source, 'dev', hooks);
  const { questions } = await fetchRows(source, 'dev', [...Array(total).keys()], hooks);
  const shots: Record<string, McQuestion[]> = {};
  for (const q of [...questions.values()].sort((a, b) => a.rowIdx - b.rowIdx)) {
    if (!subjects.has(q.subject)) continue;
    const list = (shots[q.subject] ??= []);
    if (list.length < SHOTS) list.push(q);
  }
  return shots;
}

export async function drawSample(cfg: RunConfig, hooks: FetchHooks): Promise<Sample> {
  const total = await splitSize(cfg.source, 'test', hooks);
  const indices = sampleIndices(total, cfg.count ?? total, cfg.seed);
  const { questions, rejected } = await fetchRows(cfg.source, 'test', indices, hooks);
  const ordered = indices.flatMap((i) => questions.get(i) ?? []);
  const skipped = [...indices]
    .sort((a, b) => a - b)
    .filter((i) => !questions.has(i))
    .map((rowIdx) => ({ rowIdx, reason: rejected.get(rowIdx) ?? NOT_SENT }));
  const shots =
    cfg.shots === SHOTS ? await fetchShots(cfg.source, new Set(ordered.map((q) => q.subject)), hooks) : {};
  return { questions: ordered, skipped, shots };
}
