/** A labelled number input that reports a parsed value, or null when left empty (when allowed). */
export function NumberField(props: {
  label: string;
  value: number | null | undefined;
  onChange: (v: number | null) => void;
  min?: number;
  max?: number;
  step?: number;
  placeholder?: string;
}) {
  return (
    <label className="field">
      {props.label}
      <input
        type="number"
        value={props.value ?? ''}
        min={props.min}
        max={props.max}
        step={props.step}
        placeholder={props.placeholder}
        onChange={(e) => {
          const v = e.target.value === '' ? null : Number(e.target.value);
          props.onChange(v === null || Number.isFinite(v) ? v : null);
        }}
      />
    </label>
  );
}
