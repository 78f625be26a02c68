import { useShallow } from 'zustand/react/shallow';
import { paneScore, runPanes } from '../../quality/score';
import { useStore } from '../../store/store';
import { ProgressBar } from '../../ui/progress-bar';

const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** Question k of N, each model's running accuracy, what is being fetched or retried, and why a run stopped. */
export function RunProgress() {
  const { run, phase, note, error, current } = useStore(
    useShallow((s) => ({
      run: s.quality.run,
      phase: s.quality.phase,
      note: s.quality.note,
      error: s.quality.error,
      current: s.quality.current,
    })),
  );
  const panes = run ? runPanes(run) : [];
  const total = run?.questions.length ?? 0;
  const done = run ? run.questions.filter((_, i) => panes.every((id) => run.answers[id][i])).length : 0;
  const asking = phase === 'running' || phase === 'stopping';
  const k = current ? current.index + 1 : done;
  const headline = !run
    ? 'No quality check run yet.'
    : asking
      ? `Question ${k} of ${total}${current ? ` (pane ${current.pane.toUpperCase()})` : ''}`
      : `${done} of ${total} questions answered${run.finished ? '' : ' — stopped; Resume continues'}`;
  return (
    <div className="quality-progress">
      {run && (
        <ProgressBar
          label="Quality check progress"
          fraction={total ? done / total : 0}
          valueText={`${done} of ${total} questions`}
        />
      )}
      <p role="status" aria-label="Quality check status">
        {phase === 'fetching' ? note || 'Preparing the sample…' : headline}
        {run &&
          panes.map((id) => {
            const s = paneScore(run, id);
            return (
              <span key={id}>
                {' · '}Pane {id.toUpperCase()}: {s.correct} of {s.scored} right ({pct(s.accuracy)})
                {s.failed ? `, ${s.failed} failed` : ''}
              </span>
            );
          })}
        {phase === 'stopping' ? ' · Stopping…' : ''}
        {phase === 'running' && note ? ` · ${note}` : ''}
      </p>
      {error && (
        <p role="alert" className="quality-error">
          {error}
        </p>
      )}
    </div>
  );
}
