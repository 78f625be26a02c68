import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Message } from '../store/types';
import { historyTokens, trimHistory } from './history';

const msg = (role: 'user' | 'assistant', content: string, id = content): Message => ({ id, role, content });
const len = (t: string): number => t.length;

describe('trimHistory', () => {
  it('drops the oldest turns first and starts at a user message', () => {
    const h = [
      msg('user', 'aaaa'),
      msg('assistant', 'bbbb'),
      msg('user', 'cc'),
      msg('assistant', 'dd'),
      msg('user', 'e'),
    ];
    expect(trimHistory(h, 5, len).map((m) => m.content)).toEqual(['cc', 'dd', 'e']);
    expect(trimHistory(h, 100, len)).toEqual(h);
    expect(trimHistory(h, 0, len).map((m) => m.content)).toEqual(['e']);
  });

  const history = fc
    .array(
      fc.record({
        role: fc.constantFrom<'user' | 'assistant'>('user', 'assistant'),
        content: fc.string({ maxLength: 40 }),
      }),
      {
        maxLength: 30,
      },
    )
    .map((xs) => xs.map((x, i) => msg(x.role, x.content, String(i))));

  it('keeps the last user message, fits the budget unless that message alone is too long, and is idempotent', () => {
    fc.assert(
      fc.property(history, fc.nat(400), (h, budget) => {
        const out = trimHistory(h, budget, len);
        const lastUser = [...h].reverse().find((m) => m.role === 'user');
        if (!lastUser) return out.length === 0;
        // A suffix of the original that starts with a user turn and contains the last user message.
        const suffixOk = out.every((m, i) => m === h[h.length - out.length + i]);
        const keepsLast = out.includes(lastUser);
        const fits = historyTokens(out, len) <= budget || out[0] === lastUser;
        const again = trimHistory(out, budget, len);
        return suffixOk && keepsLast && out[0]?.role === 'user' && fits && again.length === out.length;
      }),
    );
  });
});
