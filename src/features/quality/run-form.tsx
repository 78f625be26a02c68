import { useState } from 'react';
import { ANSWER_TOKENS, resumeRun, startRun, stopRun } from '../../controller/quality';
import { SUBJECTS, subjectWords } from '../../quality/mmlu';
import { scoreOf } from '../../quality/score';
import type { RunConfig } from '../../quality/types';
import { useStore } from '../../store/store';

type Count = '20' | '50' | '100' | 'subject';
const DEFAULT_SEED = 1234;

/** What a run asks: how many questions, from where, the seed that picks them, and zero- or 5-shot. */
export function RunForm() {
  const [count, setCount] = useState<Count>('50');
  const [source, setSource] = useState('all');
  const [seed, setSeed] = useState(String(DEFAULT_SEED));
  const [shots, setShots] = useState<0 | 5>(0);
  const phase = useStore((s) => s.quality.phase);
  const canResume = useStore((s) => {
    const run = s.quality.run;
    if (!run) return false;
    return !run.finished || (['a', 'b'] as const).some((id) => scoreOf(run.answers[id]).failed > 0);
  });
  const seedValue = Number(seed);
  const seedOk = /^\d{1,9}$/.test(seed.trim());
  const wholeSubject = count === 'subject';
  const config = (): RunConfig => ({
    source,
    count: wholeSubject ? null : Number(count),
    seed: seedValue,
    shots,
    maxTokens: ANSWER_TOKENS,
  });
  const idle = phase === 'idle';
  return (
    <form
      className="quality-form"
      aria-label="Quality check settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (idle && seedOk && !(wholeSubject && source === 'all')) void startRun(config());
      }}
    >
      <div className="fields">
        <label className="field">
          Questions
          <select value={count} onChange={(e) => setCount(e.target.value as Count)}>
            <option value="20">20</option>
            <option value="50">50</option>
            <option value="100">100</option>
            <option value="subject">All of one subject</option>
          </select>
        </label>
        <label className="field">
          Subjects
          <select value={source} onChange={(e) => setSource(e.target.value)}>
            <option value="all">All 57 subjects (sampled from the whole test split)</option>
            {SUBJECTS.map((s) => (
              <option key={s} value={s}>
                {subjectWords(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Seed (picks the sample; same seed, same questions)
          <input
            inputMode="numeric"
            value={seed}
            onChange={(e) => setSeed(e.target.value)}
            aria-invalid={!seedOk}
          />
        </label>
        <label className="field">
          Prompt format
          <select value={shots} onChange={(e) => setShots(e.target.value === '5' ? 5 : 0)}>
            <option value="0">Zero-shot (standard MMLU prompt)</option>
            <option value="5">5-shot (the subject&apos;s first five dev questions as examples)</option>
          </select>
        </label>
      </div>
      {!seedOk && <p className="field-error">The seed is a whole number (up to 9 digits).</p>}
      {wholeSubject && source === 'all' && (
        <p className="field-error">Choose a subject to ask all of its questions.</p>
      )}
      <div className="row">
        <button type="submit" disabled={!idle || !seedOk || (wholeSubject && source === 'all')}>
          Run quality check
        </button>
        <button type="button" disabled={idle || phase === 'stopping'} onClick={stopRun}>
          Stop quality check
        </button>
        <button type="button" disabled={!idle || !canResume} onClick={() => void resumeRun()}>
          Resume quality check
        </button>
      </div>
    </form>
  );
}
