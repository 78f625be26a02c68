/**
 * web-llm reports load progress as text ("Fetching param cache[3/22]: 412MB fetched. 24% completed, …")
 * plus a 0..1 fraction that restarts at 0 for the GPU upload phase. This turns it into a typed report.
 * Never throws: unknown text becomes a 'compile' phase report with no byte counts.
 */
import type { LoadProgress } from '../types';

const MIB = 1024 * 1024;
const SHARDS =
  /^(Fetching param cache|Loading model from cache)\[(\d+)\/(\d+)\]:\s*(\d+)MB (?:fetched|loaded)\.\s*(\d+)% completed/;

export function parseWebLlmProgress(text: string, fraction: number): LoadProgress {
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  const m = SHARDS.exec(text);
  if (m) {
    const mb = Number(m[4]);
    const loaded = mb * MIB;
    // The text rounds MB up and the percent down; the fraction is exact, so prefer it for the total.
    const total = f > 0 ? Math.round(loaded / f) : null;
    return { phase: m[1] === 'Fetching param cache' ? 'fetch' : 'gpu', loaded, total, fraction: f, text };
  }
  if (/^Finish loading/.test(text)) return { phase: 'ready', loaded: null, total: null, fraction: 1, text };
  return { phase: 'compile', loaded: null, total: null, fraction: f, text };
}
