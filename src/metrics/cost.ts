/**
 * What a remote pane's turns cost at the price the visitor entered: (prompt tokens × input price + completion
 * tokens × output price) ÷ 1M, from the token counts the server reported in its `usage`. A turn without usage,
 * or a price not set, has no cost (null), never a guessed one.
 */

export interface PriceLike {
  /** US dollars per 1M tokens. */
  inputPerM: number | null;
  outputPerM: number | null;
}

export interface TokenCounts {
  promptTokens: number | null;
  completionTokens: number | null;
}

export function turnCost(t: TokenCounts, price: PriceLike): number | null {
  const { promptTokens: p, completionTokens: c } = t;
  const { inputPerM: i, outputPerM: o } = price;
  if (p === null || c === null || i === null || o === null) return null;
  const cost = (p * i + c * o) / 1e6;
  return Number.isFinite(cost) ? cost : null;
}

export interface SessionCost {
  /** Sum over the turns that have a cost. */
  usd: number;
  /** Turns summed. */
  turns: number;
  /** Turns with no cost (no usage from the server, or no price). */
  unknown: number;
}

export function sessionCost(costs: readonly (number | null)[]): SessionCost {
  const known = costs.filter((c): c is number => c !== null);
  return { usd: known.reduce((s, c) => s + c, 0), turns: known.length, unknown: costs.length - known.length };
}

/** Dollars with enough digits for a fraction of a cent: $0.0000126, $0.42, $12.30. */
export function formatUsd(usd: number | null): string {
  if (usd === null || !Number.isFinite(usd)) return '—';
  if (usd === 0) return '$0';
  if (usd >= 1) return `$${usd.toFixed(2)}`;
  return `$${usd.toPrecision(3).replace(/0+$/, '').replace(/\.$/, '')}`;
}

/** A pane's session cost: its remote turns (those carrying `remote`) at its price. */
export function paneCost(
  turns: readonly { engineStats: TokenCounts; remote?: unknown }[],
  price: PriceLike,
): SessionCost {
  return sessionCost(turns.filter((t) => t.remote).map((t) => turnCost(t.engineStats, price)));
}
