import { useShallow } from 'zustand/react/shallow';
import { formatScore, paneScore } from '../../quality/score';
import { useStore } from '../../store/store';
import { PANES } from '../../store/types';

/** The comparison table's measured-quality row: the last MMLU run's accuracy per pane, if it has one. */
export function MmluMeasuredRow() {
  const run = useStore((s) => s.quality.run);
  const loaded = useStore(useShallow((s) => ({ a: s.panes.a.model?.id, b: s.panes.b.model?.id })));
  if (!run || !run.questions.length) return null;
  const shots = run.config.shots === 5 ? '5-shot' : 'zero-shot';
  return (
    <tr>
      <th scope="row">Accuracy on an MMLU sample</th>
      {PANES.map((id) => {
        const model = run.models[id];
        const s = paneScore(run, id);
        const other = model && loaded[id] !== model ? ` (for ${model})` : '';
        return (
          <td key={id}>
            {model && s.scored ? `${formatScore(s)}${s.pending ? ' (unfinished)' : ''}${other}` : '—'}
          </td>
        );
      })}
      <td className="method">
        measured here: {run.questions.length} questions of cais/mmlu, seed {run.config.seed}, {shots}, greedy
        (see Quality)
      </td>
    </tr>
  );
}
