/**
 * Blind comparison in the CSV and Markdown exports. CSV sections: `blind_tally` (one row per model per
 * round) and `blind_vote` (one row per vote, with the turn of each pane's reply it judged).
 */
import { modelLabel } from '../../security/model-label';
import { CHOICE_WORDS } from '../../quality/votes';
import type { CsvRow } from './builders';
import type { SessionReport } from './report';

/** The columns these rows add to the CSV (after the session's and the quality check's). */
export const BLIND_CSV_COLUMNS = [
  'round',
  'prompt_id',
  'prompt',
  'choice',
  'voted_at',
  'model1_pane',
  'model1_model_id',
  'model2_pane',
  'model2_model_id',
  'turn_a',
  'turn_b',
  'votes',
  'wins',
  'losses',
  'ties',
  'both_bad',
  'win_rate',
] as const;

export function blindCsvRows(report: SessionReport): CsvRow[] {
  const b = report.blind;
  if (!b) return [];
  const rows: CsvRow[] = [];
  for (const r of b.rounds)
    for (const t of r.tally)
      rows.push({
        section: 'blind_tally',
        round: r.round,
        model_id: t.modelId,
        pane: t.pane,
        votes: t.votes,
        wins: t.wins,
        losses: t.losses,
        ties: t.ties,
        both_bad: t.bothBad,
        win_rate: t.winRate,
        ci_low: t.ciLow,
        ci_high: t.ciHigh,
      });
  for (const v of b.votes)
    rows.push({
      section: 'blind_vote',
      round: v.round,
      prompt_id: v.promptId,
      prompt: v.prompt,
      choice: v.choice,
      voted_at: v.votedAt,
      model1_pane: v.model1.pane,
      model1_model_id: v.model1.modelId,
      model2_pane: v.model2.pane,
      model2_model_id: v.model2.modelId,
      turn_a: v.turns.a,
      turn_b: v.turns.b,
    });
  return rows;
}

const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

export function blindMarkdown(report: SessionReport, cell: (v: string) => string): string[] {
  const b = report.blind;
  if (!b) return [];
  const row = (cells: string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  const side = (s: { pane: string; modelId: string }): string =>
    `${modelLabel(s.modelId)} (pane ${s.pane.toUpperCase()})`;
  return [
    '## Blind comparison (votes)',
    '',
    b.method,
    '',
    ...b.rounds.flatMap((r) => [
      `### Round ${r.round}: ${r.votes} ${r.votes === 1 ? 'vote' : 'votes'}`,
      '',
      '| Model | Votes | Wins | Losses | Ties | Both bad | Win rate | 95% interval |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...r.tally.map((t) =>
        row([
          `${modelLabel(t.modelId)}${t.pane ? ` (pane ${t.pane.toUpperCase()})` : ''}`,
          ...[t.votes, t.wins, t.losses, t.ties, t.bothBad].map(String),
          pct(t.winRate),
          t.ciLow === null || t.ciHigh === null ? '—' : `${pct(t.ciLow)}–${pct(t.ciHigh)}`,
        ]),
      ),
      '',
    ]),
    '| Round | Prompt | Vote | Model 1 | Model 2 | Turn in pane A | Turn in pane B |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...b.votes.map((v) =>
      row([
        String(v.round),
        v.prompt,
        CHOICE_WORDS[v.choice],
        side(v.model1),
        side(v.model2),
        v.turns.a === null ? '—' : String(v.turns.a),
        v.turns.b === null ? '—' : String(v.turns.b),
      ]),
    ),
    '',
  ];
}
