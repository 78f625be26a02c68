/** Sums the bytes performance.measureUserAgentSpecificMemory() attributes to a set of worker scopes. */
export interface MemoryBreakdown {
  breakdown: { bytes: number; attribution: { url: string; scope?: string }[]; types: string[] }[];
}

export function bytesForScopes(m: MemoryBreakdown, scopes: readonly string[]): number | null {
  if (scopes.length === 0) return null;
  const wanted = new Set(scopes);
  let total = 0;
  let seen = false;
  for (const entry of m.breakdown) {
    if (entry.attribution.length > 0 && entry.attribution.every((a) => wanted.has(a.url))) {
      total += Number.isFinite(entry.bytes) ? entry.bytes : 0;
      seen = true;
    }
  }
  return seen ? total : null;
}
