/**
 * The quality check and the presets in the CSV and Markdown exports (their own rows and sections, beside
 * the session's). CSV sections: `quality` (settings and each pane's score, key/value), `quality_subject`,
 * `quality_answer` (one per pane per question, with the turn's timing) and `preset` (one per preset per pane).
 */
import { subjectWords } from '../../quality/mmlu';
import { PANES, type PaneId } from '../../store/types';
import type { CsvRow } from './builders';
import type { ScoreExport, TimingExport } from './quality-report';
import type { SessionReport } from './report';

/** The columns these rows add to the CSV (after the session's). */
export const QUALITY_CSV_COLUMNS = [
  'subject',
  'row_idx',
  'question',
  'expected',
  'letter',
  'correct',
  'reply',
  'error',
  'scored',
  'accuracy',
  'ci_low',
  'ci_high',
  'preset',
  'verdict',
  'detail',
] as const;

const timingCells = (t: TimingExport | null): CsvRow =>
  t
    ? {
        started_at_ms: t.startedAt,
        ended_at_ms: t.endedAt,
        tokens: t.metrics.tokens,
        ttft_ms: t.metrics.ttftMs,
        prefill_tok_per_s: t.metrics.prefillTokensPerS,
        decode_tok_per_s: t.metrics.decodeTokensPerS,
        e2e_ms: t.metrics.e2eMs,
        engine_prompt_tokens: t.engineStats.promptTokens,
        engine_completion_tokens: t.engineStats.completionTokens,
      }
    : {};

const scoreCells = (s: ScoreExport): CsvRow => ({
  correct: s.correct,
  scored: s.scored,
  accuracy: s.accuracy,
  ci_low: s.ciLow,
  ci_high: s.ciHigh,
});

export function qualityCsvRows(report: SessionReport): CsvRow[] {
  const rows: CsvRow[] = [];
  const q = report.quality;
  if (q) {
    const meta: [string, string | number | boolean | null][] = [
      ['dataset', q.dataset],
      ['split', q.split],
      ['source', q.source],
      ['requested_count', q.requestedCount],
      ['seed', q.seed],
      ['shots', q.shots],
      ['temperature', q.temperature],
      ['max_tokens', q.maxTokens],
      ['created_at', q.createdAt],
      ['finished', q.finished],
      ['questions', q.questions.length],
      ['skipped', q.skipped.map((s) => `${s.rowIdx}: ${s.reason}`).join('; ')],
    ];
    for (const [key, value] of meta) rows.push({ section: 'quality', key, value });
    for (const id of PANES) {
      const p = q.panes[id];
      if (!p) continue;
      rows.push({
        section: 'quality',
        key: 'published_mmlu',
        value: p.publishedMmlu,
        pane: id,
        model_id: p.modelId,
      });
      rows.push({
        section: 'quality',
        key: 'accuracy',
        pane: id,
        model_id: p.modelId,
        ...scoreCells(p.score),
      });
    }
    for (const s of q.subjects)
      for (const id of PANES) {
        const sc = s.scores[id];
        if (sc) rows.push({ section: 'quality_subject', pane: id, subject: s.subject, ...scoreCells(sc) });
      }
    for (const item of q.questions)
      for (const id of PANES) {
        const a = item.answers[id];
        if (a === undefined) continue;
        rows.push({
          section: 'quality_answer',
          pane: id,
          model_id: q.panes[id]?.modelId,
          turn: item.index,
          subject: item.subject,
          row_idx: item.rowIdx,
          question: item.question,
          expected: item.expected,
          letter: a?.letter ?? null,
          correct: a ? a.correct : null,
          reply: a?.reply ?? null,
          error: a?.error ?? null,
          ...timingCells(a?.timing ?? null),
        });
      }
  }
  for (const row of report.presets?.rows ?? [])
    for (const id of PANES) {
      const r = row.results[id];
      if (!r) continue;
      rows.push({
        section: 'preset',
        pane: id,
        model_id: report.presets?.models[id],
        preset: row.presetId,
        verdict: r.verdict,
        detail: r.detail,
        reply: r.reply,
        error: r.error,
        ...timingCells(r.timing),
      });
    }
  return rows;
}

/** A Markdown table cell: pipes escaped, line breaks flattened. */
type Cell = (v: string) => string;

const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const interval = (s: ScoreExport): string =>
  s.ciLow === null || s.ciHigh === null ? '—' : `${pct(s.ciLow)}–${pct(s.ciHigh)}`;
const ms = (x: number | null | undefined): string =>
  x === null || x === undefined ? '—' : `${Math.round(x)} ms`;
const rate = (x: number | null | undefined): string =>
  x === null || x === undefined ? '—' : `${x.toFixed(1)} tok/s`;

export function qualityMarkdown(report: SessionReport, cell: Cell): string[] {
  const out: string[] = [];
  const q = report.quality;
  const row = (cells: string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  if (q) {
    const panes = PANES.filter((id) => q.panes[id]);
    out.push(
      '## Quality: an MMLU sample (measured here)',
      '',
      `${q.questions.length} questions of ${q.dataset} (${q.split} split, ${q.source === 'all' ? 'all subjects' : subjectWords(q.source)}), seed ${q.seed}, ${q.shots === 5 ? '5-shot' : 'zero-shot'}, temperature 0, at most ${q.maxTokens} tokens per answer${q.finished ? '' : ' — unfinished'}${q.skipped.length ? `; ${q.skipped.length} malformed rows skipped` : ''}. Intervals: 95% Wilson.`,
      '',
      '| Pane | Model | Accuracy | 95% interval | Right / scored | No answer found | Failed | Published (Meta, 5-shot) | Median TTFT | Median prefill |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...panes.flatMap((id) => {
        const p = q.panes[id];
        if (!p) return [];
        const s = p.score;
        return [
          row([
            `Pane ${id.toUpperCase()}`,
            p.modelId,
            pct(s.accuracy),
            interval(s),
            `${s.correct} / ${s.scored}`,
            String(s.noAnswer),
            String(s.failed),
            p.publishedMmlu === null ? '—' : `${p.publishedMmlu.toFixed(1)}%`,
            ms(p.speed.medianTtftMs),
            rate(p.speed.medianPrefill),
          ]),
        ];
      }),
      '',
      `| Subject | Questions | ${panes.map((id) => `Pane ${id.toUpperCase()}`).join(' | ')} |`,
      `| --- | --- | ${panes.map(() => '---').join(' | ')} |`,
      ...q.subjects.map((s) =>
        row([
          subjectWords(s.subject),
          String(s.questions),
          ...panes.map((id: PaneId) => {
            const sc = s.scores[id];
            return sc ? `${pct(sc.accuracy)} (${interval(sc)}), ${sc.correct} / ${sc.scored}` : '—';
          }),
        ]),
      ),
      '',
    );
  }
  const pr = report.presets;
  if (pr) {
    const panes = PANES.filter((id) => pr.models[id]);
    out.push(
      '## Prompt presets (temperature 0, one pane after the other)',
      '',
      `| Preset | ${panes.map((id) => `Pane ${id.toUpperCase()} check | TTFT | Decode`).join(' | ')} |`,
      `| --- | ${panes.map(() => '--- | --- | ---').join(' | ')} |`,
      ...pr.rows.map((r) =>
        row([
          `${r.group}: ${r.label}`,
          ...panes.flatMap((id) => {
            const x = r.results[id];
            if (!x) return ['—', '—', '—'];
            const mark = x.verdict === 'pass' ? '✓' : x.verdict === 'fail' ? '✗' : '–';
            return [
              `${mark} ${x.detail}`,
              ms(x.timing?.metrics.ttftMs),
              rate(x.timing?.metrics.decodeTokensPerS),
            ];
          }),
        ]),
      ),
      '',
    );
  }
  return out;
}
