/**
 * Quality, the other half of the trade-off: an MMLU sample asked of both models in the browser, and
 * prompt presets with automatic checks. Self-contained (loaded after first paint); the runs live in the
 * store and in IndexedDB.
 */
import { useEffect } from 'react';
import { watchPresetPrompts } from '../../controller/presets';
import { restoreQuality } from '../../controller/quality-persist';
import { useStore } from '../../store/store';
import { useReveals } from '../../store/use-blind';
import { PresetsPanel } from './presets-panel';
import { QuestionDetails } from './question-details';
import { RunForm } from './run-form';
import { RunProgress } from './run-progress';
import { RunResults } from './run-results';
import './quality.css';

export default function QualitySection() {
  const run = useStore((s) => s.quality.run);
  const identity = useReveals('identity');
  useEffect(() => {
    void restoreQuality();
    return watchPresetPrompts();
  }, []);
  // Its runs and tables name the models (and published scores would identify them): not while blind.
  if (!identity)
    return (
      <section className="quality" aria-label="Quality">
        <h2>Quality</h2>
        <p className="note">
          The MMLU check and the preset table name the models: hidden in blind mode until you reveal them.
          Preset prompts still get their automatic checks in the panes.
        </p>
      </section>
    );
  return (
    <section className="quality" aria-label="Quality">
      <h2>Quality: an MMLU sample, measured here</h2>
      <p className="method">
        Multiple-choice questions from MMLU (cais/mmlu, test split), fetched from the Hugging Face dataset
        server and kept in this browser. Both models get the same questions in the same order; the letter in
        each reply is compared with the right answer.
      </p>
      <RunForm />
      <RunProgress />
      {run && run.questions.length > 0 && (
        <>
          <RunResults run={run} />
          <QuestionDetails run={run} />
        </>
      )}
      <PresetsPanel />
    </section>
  );
}
