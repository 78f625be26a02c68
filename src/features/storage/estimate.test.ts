import { describe, expect, it } from 'vitest';
import { summarizeEstimate } from './estimate';

describe('summarizeEstimate', () => {
  it('derives what is available and labels the categories, largest first', () => {
    expect(
      summarizeEstimate({
        usage: 3000,
        quota: 10000,
        usageDetails: { indexedDB: 1000, caches: 2000, fileSystem: 0 },
      }),
    ).toEqual({
      usage: 3000,
      quota: 10000,
      available: 7000,
      details: [
        { label: 'Cache Storage (web-llm models)', bytes: 2000 },
        { label: 'IndexedDB (conversations and settings)', bytes: 1000 },
      ],
    });
  });
  it('never reports negative space, and copes with missing figures', () => {
    expect(summarizeEstimate({ usage: 12, quota: 10 }).available).toBe(0);
    expect(summarizeEstimate({})).toEqual({ usage: null, quota: null, available: null, details: [] });
    expect(summarizeEstimate(null).available).toBeNull();
  });
});
