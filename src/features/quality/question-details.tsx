import { PaneHeaders } from './pane-headers';
import { subjectWords } from '../../quality/mmlu';
import { runPanes } from '../../quality/score';
import { LETTERS, type McAnswer, type QualityRun } from '../../quality/types';

function Verdict({ a }: { a: McAnswer | null | undefined }) {
  if (!a) return <>not asked yet</>;
  if (a.error !== undefined) return <>failed: {a.error}</>;
  const mark = a.correct ? '✓ right' : '✗ wrong';
  return (
    <>
      <q className="quality-reply">{a.reply}</q> → {a.letter ?? 'no answer found'} ({mark})
    </>
  );
}

/**
 * Every question with its choices, each model's reply and letter, and the right answer. All of it is
 * text from the network or a model: rendered as plain text (React text nodes), never as HTML or Markdown.
 */
export function QuestionDetails({ run }: { run: QualityRun }) {
  const panes = runPanes(run);
  return (
    <details className="quality-questions">
      <summary>Per-question answers ({run.questions.length})</summary>
      <table aria-label="Per-question answers">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Question</th>
            <th scope="col">Right answer</th>
            <PaneHeaders panes={panes} />
          </tr>
        </thead>
        <tbody>
          {run.questions.map((q, i) => (
            <tr key={`${q.rowIdx}-${i}`}>
              <th scope="row">{i + 1}</th>
              <td>
                <span className="quality-subject">{subjectWords(q.subject)}</span>
                <span className="quality-text">{q.question}</span>
                <ol type="A" className="quality-choices">
                  {q.choices.map((c, k) => (
                    <li key={k}>{c}</li>
                  ))}
                </ol>
              </td>
              <td>{LETTERS[q.answer]}</td>
              {panes.map((id) => (
                <td key={id}>
                  <Verdict a={run.answers[id][i]} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
