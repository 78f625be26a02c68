/**
 * How much the origin stores and may store, as `navigator.storage.estimate()` reports it. Browsers pad and
 * round these figures (Chrome adds a per-category `usageDetails`), so the panel labels them as estimates.
 */

export interface StorageFigures {
  usage: number | null;
  quota: number | null;
  /** quota − usage, never below zero. */
  available: number | null;
  /** Per-category usage, when the browser gives it (Chrome: caches, indexedDB, fileSystem …). */
  details: { label: string; bytes: number }[];
}

const LABELS: Record<string, string> = {
  caches: 'Cache Storage (web-llm models)',
  fileSystem: 'Origin private file system (GGUF models)',
  indexedDB: 'IndexedDB (conversations and settings)',
  serviceWorkerRegistrations: 'Service workers',
};

type Estimate = StorageEstimate & { usageDetails?: Record<string, number | undefined> };

export function summarizeEstimate(e: Estimate | null): StorageFigures {
  const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const usage = num(e?.usage);
  const quota = num(e?.quota);
  const details = Object.entries(e?.usageDetails ?? {})
    .flatMap(([k, v]) => (typeof v === 'number' && v > 0 ? [{ label: LABELS[k] ?? k, bytes: v }] : []))
    .sort((a, b) => b.bytes - a.bytes);
  return {
    usage,
    quota,
    available: usage !== null && quota !== null ? Math.max(0, quota - usage) : null,
    details,
  };
}

export async function readEstimate(): Promise<StorageFigures | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return null;
  try {
    return summarizeEstimate(await navigator.storage.estimate());
  } catch {
    return null;
  }
}
