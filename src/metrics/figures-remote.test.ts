import { describe, expect, it } from 'vitest';
import { emptyStats } from '../engine/types';
import { turnFigures, type TurnInput } from './figures';

const chunks = (n: number, from = 1300, step = 20) => Array.from({ length: n }, (_, i) => from + i * step);
const remote = (completionTokens: number | null, n = 12, status = 'stop'): TurnInput => ({
  startedAt: 1000,
  endedAt: 1600,
  tokenTimes: chunks(n),
  engineStats: { ...emptyStats, promptTokens: 24, completionTokens },
  status,
  remote: { host: '127.0.0.1:8080' },
});

describe('turnFigures on a remote turn', () => {
  it('time to first token spans the whole wait (no marks), decode the chunks as they arrived', () => {
    const f = turnFigures(remote(13));
    expect(f.ttftMs).toBe(300);
    expect([f.startupMs, f.promptMs, f.firstTokenMs]).toEqual([null, null, null]);
    expect(f.decodeTokensPerS).toBeCloseTo(11 / 0.22, 9);
  });

  it('the server’s usage agrees with the chunks whether or not it counts the closing end-of-turn', () => {
    expect(turnFigures(remote(13)).checks.tokens).toMatchObject({ disagrees: false });
    expect(turnFigures(remote(12)).checks.tokens).toMatchObject({ disagrees: false });
    // A reply cut at max tokens has no closing token: the counts must be equal.
    expect(turnFigures(remote(12, 12, 'length')).checks.tokens).toMatchObject({ disagrees: false });
    expect(turnFigures(remote(13, 12, 'length')).checks.tokens).toMatchObject({ disagrees: true });
  });

  it('more tokens than chunks (a server that batches tokens into chunks) is flagged', () => {
    expect(turnFigures(remote(30)).checks.tokens).toMatchObject({ disagrees: true });
  });

  it('no usage: no token check', () => {
    expect(turnFigures(remote(null)).checks.tokens).toBeNull();
  });

  it('an in-browser turn still counts the end-of-turn token exactly', () => {
    const local = { ...remote(12) };
    delete local.remote;
    expect(turnFigures(local).checks.tokens).toMatchObject({ disagrees: true });
  });
});
