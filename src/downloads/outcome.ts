/** What a download or a repair found and did, file by file: the raw material of its report. */
import type { CheckMethod } from '../webllm-cache/verify';

export interface FileOutcome {
  /** The file's name, e.g. `params_shard_3.bin`. */
  name: string;
  url: string;
  /** What the cache held before: intact, nothing, or a copy that failed a check (`reason` says which). */
  found: 'ok' | 'missing' | 'damaged';
  reason?: string;
  /** Whether it came over the network in this run. */
  fetched: boolean;
  /** How the copy now in the cache was checked; null when none is there (a fetch failed). */
  method: CheckMethod | null;
  /** Why fetching it again failed, when it did. */
  error?: string;
}

/** How many outcomes were checked by a published hash, and how many by size (or content) only. */
export function tallyChecks(files: readonly FileOutcome[]): { hashed: number; sizeOnly: number } {
  let hashed = 0;
  let sizeOnly = 0;
  for (const f of files) {
    if (f.method === 'sha256' || f.method === 'git-sha1') hashed++;
    else if (f.method !== null) sizeOnly++;
  }
  return { hashed, sizeOnly };
}
