import { describe, expect, it } from 'vitest';
import { formatUsd, sessionCost, turnCost } from './cost';

describe('cost', () => {
  it('per turn: prompt × input price + completion × output price, per 1M tokens', () => {
    // The article's hosted 3B: $0.06 per 1M tokens either way.
    expect(
      turnCost({ promptTokens: 1000, completionTokens: 500 }, { inputPerM: 0.06, outputPerM: 0.06 }),
    ).toBeCloseTo(9e-5, 12);
    expect(
      turnCost({ promptTokens: 2_000_000, completionTokens: 1_000_000 }, { inputPerM: 3, outputPerM: 15 }),
    ).toBe(21);
  });

  it('no usage or no price: no cost, never a guess', () => {
    expect(turnCost({ promptTokens: null, completionTokens: 5 }, { inputPerM: 1, outputPerM: 1 })).toBeNull();
    expect(turnCost({ promptTokens: 5, completionTokens: 5 }, { inputPerM: null, outputPerM: 1 })).toBeNull();
  });

  it('per session: the known costs summed, the unknown counted', () => {
    expect(sessionCost([0.5, null, 0.25])).toEqual({ usd: 0.75, turns: 2, unknown: 1 });
    expect(sessionCost([])).toEqual({ usd: 0, turns: 0, unknown: 0 });
  });

  it('formats fractions of a cent', () => {
    expect(formatUsd(0.0000126)).toBe('$0.0000126');
    expect(formatUsd(0.42)).toBe('$0.42');
    expect(formatUsd(12.3)).toBe('$12.30');
    expect(formatUsd(null)).toBe('—');
    expect(formatUsd(0)).toBe('$0');
  });
});
