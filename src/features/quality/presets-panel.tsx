import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { choosePreset, runAllPresets, stopPresets } from '../../controller/presets';
import { presetById, PRESETS } from '../../quality/presets';
import type { PresetOutcome } from '../../quality/types';
import { turnFigures } from '../../metrics/figures';
import { PANES } from '../../store/types';
import { useStore } from '../../store/store';
import { formatMs, formatRate } from '../../ui/format';
import { PresetOptions } from '../../ui/preset-options';

const MARK = { pass: '✓', fail: '✗', none: '–' } as const;

function checkText(o: PresetOutcome): string {
  return `${MARK[o.check.verdict]} ${o.check.detail}`;
}

function Outcome({ o }: { o: PresetOutcome | undefined }) {
  if (!o) return <td colSpan={3}>—</td>;
  const m = o.turn ? turnFigures(o.turn) : null;
  return (
    <>
      <td title={o.reply}>{checkText(o)}</td>
      <td>{formatMs(m?.ttftMs)}</td>
      <td>{formatRate(m?.decodeTokensPerS)}</td>
    </>
  );
}

/** Choose a preset for the prompt box, or run them all on both models into one table. */
export function PresetsPanel() {
  const [chosen, setChosen] = useState(PRESETS[0]?.id ?? '');
  const { table, phase, error, current, busy } = useStore(
    useShallow((s) => ({
      table: s.quality.presets,
      phase: s.quality.presetPhase,
      error: s.quality.presetError,
      current: s.quality.presetCurrent,
      busy: s.quality.phase !== 'idle',
    })),
  );
  const preset = presetById(chosen);
  const panes = PANES.filter((id) => table?.models[id]);
  return (
    <section aria-label="Prompt presets" className="quality-presets">
      <h3>Prompt presets</h3>
      <div className="row">
        <label className="field">
          Preset
          <select value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <PresetOptions />
          </select>
        </label>
        <button type="button" onClick={() => choosePreset(chosen)}>
          Put the preset in the prompt box
        </button>
      </div>
      {preset && <p className="method">Automatic check: {preset.rule}.</p>}
      <div className="row">
        <button type="button" disabled={phase !== 'idle' || busy} onClick={() => void runAllPresets()}>
          Run all presets
        </button>
        <button type="button" disabled={phase !== 'running'} onClick={stopPresets}>
          Stop presets
        </button>
        <p role="status" aria-label="Presets status">
          {current
            ? `Asking "${presetById(current.id)?.label ?? current.id}" of pane ${current.pane.toUpperCase()}…`
            : table
              ? table.finished
                ? 'All presets asked.'
                : 'Stopped before every preset was asked.'
              : ''}
        </p>
      </div>
      {error && (
        <p role="alert" className="quality-error">
          {error}
        </p>
      )}
      {table && (
        <table aria-label="Preset results">
          <caption>
            Each preset asked as a fresh conversation at temperature 0, one pane after the other. Time to
            first token and decode rate from the worker&apos;s token timestamps.
          </caption>
          <thead>
            <tr>
              <th scope="col">Preset</th>
              {panes.map((id) => (
                <th scope="colgroup" colSpan={3} key={id}>
                  Pane {id.toUpperCase()}: {table.models[id]}
                </th>
              ))}
            </tr>
            <tr>
              <td />
              {panes.map((id) => [
                <th scope="col" key={`${id}-c`}>
                  Check
                </th>,
                <th scope="col" key={`${id}-t`}>
                  Time to first token
                </th>,
                <th scope="col" key={`${id}-d`}>
                  Decode rate
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {PRESETS.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {p.group}: {p.label}
                </th>
                {panes.map((id) => (
                  <Outcome key={id} o={table.results[p.id]?.[id]} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
