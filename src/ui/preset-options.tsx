/** The prompt presets as <option>s, "Use case: label", for any preset picker. */
import { PRESETS } from '../quality/presets';

export function PresetOptions() {
  return PRESETS.map((p) => (
    <option key={p.id} value={p.id}>
      {p.group}: {p.label}
    </option>
  ));
}
