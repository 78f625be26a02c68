/**
 * Fitting a conversation into a context window: drop the oldest turns (the system prompt is kept apart
 * and never dropped), always keeping the last user message. Token counts are estimated from characters
 * (about 4 per token for English; byte-level fallbacks make it 1 per byte at worst, so callers pass the
 * estimator that suits the model).
 */
import type { Message } from '../store/types';

export type Estimate = (text: string) => number;
export const roughTokens: Estimate = (t) => Math.ceil(t.length / 4) + 4;

export function historyTokens(messages: readonly Message[], estimate: Estimate = roughTokens): number {
  return messages.reduce((n, m) => n + estimate(m.content), 0);
}

/** The longest suffix of the history that fits `budget` tokens, starting at a user message. */
export function trimHistory(
  messages: readonly Message[],
  budget: number,
  estimate: Estimate = roughTokens,
): Message[] {
  const lastUser = messages.map((m) => m.role).lastIndexOf('user');
  if (lastUser < 0) return [];
  let start = lastUser;
  let used = historyTokens(messages.slice(lastUser), estimate);
  for (let i = lastUser - 1; i >= 0; i--) {
    const m = messages[i];
    if (!m) break;
    used += estimate(m.content);
    if (used > budget) break;
    if (m.role === 'user') start = i;
  }
  return messages.slice(start);
}
