import { describe, expect, it } from 'vitest';
import { emptyStats } from '../../engine/types';
import { PRESETS } from '../../quality/presets';
import type { Message, TurnRecord } from '../../store/types';
import { demoSummary, tallyChecks } from './summary';

const turn = (startedAt: number, tokenTimes: number[]): TurnRecord => ({
  mode: 'together',
  modelId: 'm',
  engine: 'llama.cpp',
  startedAt,
  endedAt: tokenTimes.at(-1) ?? startedAt,
  tokenTimes,
  engineStats: emptyStats,
});
const ask = (promptId: string, content = 'q', presetId?: string): Message => ({
  id: `u-${promptId}`,
  role: 'user',
  content,
  promptId,
  ...(presetId ? { presetId } : {}),
});
const answer = (id: string, t: TurnRecord | undefined, status: Message['status'] = 'stop'): Message => ({
  id,
  role: 'assistant',
  content: `reply ${id}`,
  status,
  ...(t ? { turn: t } : {}),
});

describe('the summary card figures', () => {
  const messages: Message[] = [
    ask('before'),
    answer('r0', turn(0, [5, 6])), // not part of the demo
    ask('p1'),
    answer('r1', turn(1000, [1100, 1200, 1300])), // TTFT 100 ms, 2 tokens / 0.2 s = 10 tok/s
    ask('p2', PRESETS[0]?.prompt, PRESETS[0]?.id),
    answer('r2', turn(5000, [5300, 5350, 5400, 5450, 5500])), // 300 ms, 4 / 0.2 s = 20 tok/s
    ask('p3'),
    answer('r3', turn(9000, [9200, 9300])), // 200 ms, 1 / 0.1 s = 10 tok/s
  ];

  it('takes medians over the demo turns only, with the pane’s own derivation', () => {
    const s = demoSummary(messages, ['p1', 'p2', 'p3']);
    expect(s.figures.turns).toBe(3);
    expect(s.figures.tokens).toBe(3 + 5 + 2);
    expect(s.figures.medianTtftMs).toBe(200);
    expect(s.figures.medianDecode).toBeCloseTo(10, 9);
    expect(s.unfinished).toBe(0);
    expect(s.checks).toEqual([{ presetId: PRESETS[0]?.id, reply: 'reply r2' }]);
  });

  it('counts steps without a finished timed reply as unfinished, and does not check them', () => {
    const streaming = [...messages, ask('p4', 'x', 'json')];
    const stopped = [...messages, ask('p5', 'y', 'json'), answer('r5', undefined, 'interrupted')];
    expect(demoSummary(streaming, ['p1', 'p4']).unfinished).toBe(1);
    const s = demoSummary(stopped, ['p5']);
    expect(s.figures.turns).toBe(0);
    expect(s.figures.medianTtftMs).toBeNull();
    expect(s.unfinished).toBe(1);
    expect(s.checks).toEqual([{ presetId: 'json', reply: null }]);
    // A prompt id this pane never saw (it missed the pane) is unfinished too.
    expect(demoSummary(messages, ['nowhere']).unfinished).toBe(1);
  });

  it('tallies only the checks that decided', () => {
    expect(tallyChecks(['pass', 'fail', 'none', null, 'pass'])).toEqual({ passed: 2, checked: 3 });
    expect(tallyChecks([])).toEqual({ passed: 0, checked: 0 });
  });
});
