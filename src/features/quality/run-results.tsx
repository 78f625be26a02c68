import { subjectWords } from '../../quality/mmlu';
import { publishedMmlu } from '../../quality/published';
import { formatAccuracy, formatScore, paneScore, runPanes, runSpeed, subjectRows } from '../../quality/score';
import type { QualityRun } from '../../quality/types';
import { formatMs, formatRate } from '../../ui/format';
import { PaneHeaders } from './pane-headers';

function describeRun(run: QualityRun): string {
  const from = run.config.source === 'all' ? 'all subjects' : subjectWords(run.config.source);
  const asked = run.config.count === null ? 'every question' : `${run.config.count} questions requested`;
  return `${asked} of cais/mmlu (test split, ${from}), seed ${run.config.seed}, ${run.config.shots === 5 ? '5-shot' : 'zero-shot'}, temperature 0, at most ${run.config.maxTokens} tokens per answer`;
}

/** Accuracy per model with its 95% interval, beside the published figure, then per subject. */
export function RunResults({ run }: { run: QualityRun }) {
  const panes = runPanes(run);
  return (
    <>
      <table aria-label="MMLU accuracy per model">
        <caption>
          Measured here: {describeRun(run)}. {run.questions.length} questions asked
          {run.skipped.length ? `, ${run.skipped.length} malformed rows skipped` : ''}.
        </caption>
        <thead>
          <tr>
            <th scope="col">Pane</th>
            <th scope="col">Model</th>
            <th scope="col">Accuracy (95% Wilson interval)</th>
            <th scope="col">Right / scored</th>
            <th scope="col">No answer found</th>
            <th scope="col">Failed</th>
            <th scope="col">Published MMLU (Meta, 5-shot)</th>
            <th scope="col">Median time to first token</th>
            <th scope="col">Median prefill rate</th>
          </tr>
        </thead>
        <tbody>
          {panes.map((id) => {
            const s = paneScore(run, id);
            const model = run.models[id] ?? '';
            const pub = publishedMmlu(model);
            const speed = runSpeed(run.answers[id]);
            return (
              <tr key={id}>
                <th scope="row">Pane {id.toUpperCase()}</th>
                <td>{model}</td>
                <td>{formatAccuracy(s)}</td>
                <td>
                  {s.correct} / {s.scored}
                </td>
                <td>{s.noAnswer}</td>
                <td>{s.failed}</td>
                <td>{pub === null ? '—' : `${pub.toFixed(1)}%`}</td>
                <td>{formatMs(speed.medianTtftMs)}</td>
                <td>{formatRate(speed.medianPrefill)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="method">
        Why the figures may differ from the published ones: a sample of {run.questions.length} questions is
        uncertain (the interval shows by how much), Meta scored 5-shot on all 14,042 questions with its own
        prompt and answer parsing, and the model here is quantized. Speed: each question is a fresh
        conversation, asked of one pane at a time; the prompt is long and the answer a few tokens, so these
        turns measure prefill.
      </p>
      <table aria-label="MMLU accuracy per subject">
        <caption>Per subject (accuracy, 95% Wilson interval)</caption>
        <thead>
          <tr>
            <th scope="col">Subject</th>
            <th scope="col">Questions</th>
            <PaneHeaders panes={panes} />
          </tr>
        </thead>
        <tbody>
          {subjectRows(run).map((r) => (
            <tr key={r.subject}>
              <th scope="row">{subjectWords(r.subject)}</th>
              <td>{r.questions}</td>
              {panes.map((id) => {
                const s = r.scores[id];
                return <td key={id}>{s ? formatScore(s) : '—'}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {run.skipped.length > 0 && (
        <details>
          <summary>
            Rows skipped ({run.skipped.length}): the server sent them in a form that cannot be used
          </summary>
          <ul aria-label="Skipped rows">
            {run.skipped.map((s) => (
              <li key={s.rowIdx}>
                Row {s.rowIdx}: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
