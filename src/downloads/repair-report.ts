/** A repair's outcome in words, e.g. "2 of 45 files were damaged and were fetched again (…)". Pure. */
import { tallyChecks, type FileOutcome } from './outcome';
import type { RepairReport } from './repair';

const were = (n: number): string => (n === 1 ? 'was' : 'were');
const sentence = (t: string): string => (/[.!?]$/.test(t) ? t : `${t}.`);

/** Up to three names, then how many more. */
function names(files: readonly FileOutcome[]): string {
  const shown = files.slice(0, 3).map((f) => f.name);
  return files.length > 3 ? `${shown.join(', ')} and ${files.length - 3} more` : shown.join(', ');
}

function group(what: 'damaged' | 'missing', all: readonly FileOutcome[], n: number): string | null {
  const these = all.filter((f) => f.found === what);
  if (!these.length) return null;
  const fixed = these.filter((f) => f.method !== null);
  const head =
    what === 'damaged'
      ? `${these.length} of ${n} files ${were(these.length)} damaged`
      : `${these.length} ${were(these.length)} missing`;
  const tail =
    fixed.length === these.length
      ? ` and ${were(these.length)} fetched again`
      : fixed.length > 0
        ? `; ${fixed.length} ${were(fixed.length)} fetched again`
        : '';
  return `${head}${tail} (${names(these)}).`;
}

export function describeRepair(r: RepairReport): string {
  const n = r.files.length;
  const parts: string[] = [];
  const damaged = group('damaged', r.files, n);
  const missing = group('missing', r.files, n);
  if (!damaged && !missing)
    parts.push(n === 1 ? 'The one file checked is intact.' : `All ${n} files are intact.`);
  if (damaged) parts.push(damaged);
  if (missing) parts.push(missing);
  const failed = r.files.filter((f) => f.found !== 'ok' && f.method === null);
  if (failed.length) {
    const why = failed.find((f) => f.error)?.error ?? r.weightsError?.message ?? 'not fetched';
    parts.push(sentence(`Could not fetch ${names(failed)} intact: ${why}`));
  } else if (r.weightsError)
    parts.push(sentence(`The weights could not be fetched: ${r.weightsError.message}`));
  const { hashed, sizeOnly } = tallyChecks(r.files);
  parts.push(
    r.hashes === 'published'
      ? `${hashed} checked against the hashes Hugging Face publishes, ${sizeOnly} by size and content only.`
      : `No file hashes are published for this model: files were checked by size and content only.`,
  );
  return parts.join(' ');
}
