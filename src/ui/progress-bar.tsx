import { formatPercent } from './format';

/** A labelled progress bar (role progressbar, 0–100) with an optional spoken value text. */
export function ProgressBar({
  label,
  fraction,
  valueText,
}: {
  label: string;
  fraction: number;
  valueText?: string;
}) {
  return (
    <div
      className="bar"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.floor(Math.min(1, Math.max(0, fraction)) * 100)}
      aria-valuetext={valueText}
    >
      <div className="bar-fill" style={{ width: formatPercent(fraction) }} />
    </div>
  );
}
