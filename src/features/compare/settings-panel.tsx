import { LIMITS } from '../../store/settings';
import { useStore } from '../../store/store';
import { type GenSettings, type PaneId } from '../../store/types';
import { useDisplayOrder, usePaneNames } from '../../store/use-blind';
import { NumberField } from '../../ui/number-field';

type Patch = (p: Partial<GenSettings>) => void;

function Fields({
  values,
  onPatch,
  who,
  inherit,
}: {
  values: Partial<GenSettings>;
  onPatch: Patch;
  who: string;
  inherit?: GenSettings;
}) {
  const ph = (k: keyof GenSettings): string | undefined =>
    inherit ? `shared: ${String(inherit[k] ?? 'none')}` : undefined;
  const num = (k: 'temperature' | 'top_p' | 'max_tokens', v: number | null): void =>
    onPatch(v === null && inherit ? { [k]: undefined } : v === null ? {} : { [k]: v });
  return (
    <div className="fields" role="group" aria-label={who}>
      <label className="field wide">
        System prompt
        <textarea
          rows={2}
          value={values.systemPrompt ?? ''}
          placeholder={inherit ? `shared: ${inherit.systemPrompt || '(none)'}` : 'None'}
          onChange={(e) =>
            onPatch({ systemPrompt: e.target.value === '' && inherit ? undefined : e.target.value })
          }
        />
      </label>
      <NumberField
        label="Temperature"
        {...LIMITS.temperature}
        value={values.temperature}
        placeholder={ph('temperature')}
        onChange={(v) => num('temperature', v)}
      />
      <NumberField
        label="Top p"
        {...LIMITS.top_p}
        value={values.top_p}
        placeholder={ph('top_p')}
        onChange={(v) => num('top_p', v)}
      />
      <NumberField
        label="Max tokens"
        {...LIMITS.max_tokens}
        value={values.max_tokens}
        placeholder={ph('max_tokens')}
        onChange={(v) => num('max_tokens', v)}
      />
      <NumberField
        label="Seed"
        {...LIMITS.seed}
        value={values.seed}
        placeholder={inherit ? ph('seed') : 'random'}
        onChange={(v) => onPatch({ seed: v === null && inherit ? undefined : v })}
      />
    </div>
  );
}

export function SettingsPanel() {
  const settings = useStore((s) => s.settings);
  const setSettings = useStore((s) => s.setSettings);
  const order = useDisplayOrder();
  const names = usePaneNames();
  const patchOverride = (pane: PaneId, p: Partial<GenSettings>): void => {
    const merged: Partial<GenSettings> = { ...settings.overrides[pane], ...p };
    // An override set back to empty means "use the shared value" again.
    const cur = Object.fromEntries(
      Object.entries(merged).filter(([, v]) => v !== undefined),
    ) as Partial<GenSettings>;
    setSettings({ overrides: { ...settings.overrides, [pane]: cur } });
  };
  return (
    <section className="settings" aria-label="Settings">
      <p className="note">Shared by both panes; each pane can override any of them below.</p>
      <Fields values={settings} onPatch={(p) => setSettings(p)} who="Shared settings" />
      {order.map((id) => (
        <details key={id}>
          <summary>{names[id]} overrides</summary>
          <Fields
            values={settings.overrides[id]}
            inherit={settings}
            onPatch={(p) => patchOverride(id, p)}
            who={`${names[id]} overrides`}
          />
        </details>
      ))}
    </section>
  );
}
