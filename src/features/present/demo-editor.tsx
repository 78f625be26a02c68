/**
 * The demo script's editor: one prompt per step — edit, add (blank or a preset), remove, move up and down —
 * kept as a draft until "Save demo", which checks it (store/demo.ts) and saves it with the session.
 */
import { useState } from 'react';
import { saveDemo } from '../../controller/present';
import { PRESETS } from '../../quality/presets';
import { defaultDemo, DEMO_LIMITS, demoProblems, moveItem } from '../../store/demo';
import { useStore } from '../../store/store';
import { Dialog } from '../../ui/dialog';
import { PresetOptions } from '../../ui/preset-options';

function Editor({ onClose }: { onClose: () => void }) {
  const saved = useStore((s) => s.demo);
  const [steps, setSteps] = useState<string[]>(saved);
  const [preset, setPreset] = useState('');
  const problems = demoProblems(steps);
  const edit = (i: number, text: string): void => setSteps(steps.map((s, k) => (k === i ? text : s)));
  const full = steps.length >= DEMO_LIMITS.steps;
  return (
    <form
      className="demo-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (!saveDemo(steps).length) onClose();
      }}
    >
      <ol>
        {steps.map((text, i) => (
          <li key={i}>
            <label>
              Step {i + 1} prompt
              <textarea
                value={text}
                rows={3}
                maxLength={DEMO_LIMITS.chars}
                onChange={(e) => edit(i, e.target.value)}
              />
            </label>
            <div className="row">
              <button type="button" disabled={i === 0} onClick={() => setSteps(moveItem(steps, i, -1))}>
                Move step {i + 1} up
              </button>
              <button
                type="button"
                disabled={i === steps.length - 1}
                onClick={() => setSteps(moveItem(steps, i, 1))}
              >
                Move step {i + 1} down
              </button>
              <button type="button" onClick={() => setSteps(steps.filter((_, k) => k !== i))}>
                Remove step {i + 1}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div className="row">
        <button type="button" disabled={full} onClick={() => setSteps([...steps, ''])}>
          Add a step
        </button>
        <label>
          Preset
          <select value={preset} onChange={(e) => setPreset(e.target.value)}>
            <option value="">Choose a preset…</option>
            <PresetOptions />
          </select>
        </label>
        <button
          type="button"
          disabled={full || !preset}
          onClick={() => {
            const p = PRESETS.find((x) => x.id === preset);
            if (p) setSteps([...steps, p.prompt]);
          }}
        >
          Add the preset as a step
        </button>
        <button type="button" onClick={() => setSteps(defaultDemo())}>
          Back to the default demo
        </button>
      </div>
      {problems.map((p) => (
        <p key={p} className="present-error" role="alert">
          {p}
        </p>
      ))}
      <div className="row">
        <button type="submit" className="primary" disabled={problems.length > 0}>
          Save demo
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function DemoEditor({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Edit the demo">
      <Editor onClose={onClose} />
    </Dialog>
  );
}
