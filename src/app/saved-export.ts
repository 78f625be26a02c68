/**
 * The saved session as a JSON file, taken as it is: for keeping a copy when the app cannot start, or
 * when part of the record could not be read. Whatever IndexedDB held is written out, even values JSON
 * has no form for (a BigInt becomes a string, a repeated object a marker) — so this never throws.
 */
import { downloadBlob, exportFilename } from '../features/export/download';

export function savedToJson(value: unknown): string {
  const seen = new WeakSet<object>();
  return (
    JSON.stringify(
      value,
      (_key, v: unknown) => {
        if (typeof v === 'bigint') return v.toString();
        if (typeof v === 'object' && v !== null) {
          if (seen.has(v)) return '[repeated]';
          seen.add(v);
        }
        return v;
      },
      2,
    ) ?? 'null'
  );
}

export function downloadSaved(value: unknown, kind = 'saved-session'): void {
  downloadBlob(
    new Blob([savedToJson(value)], { type: 'application/json' }),
    exportFilename(kind, 'json', new Date()),
  );
}
