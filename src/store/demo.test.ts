import { describe, expect, it } from 'vitest';
import { PRESETS } from '../quality/presets';
import {
  defaultDemo,
  DEMO_LIMITS,
  demoProblems,
  markSent,
  moveItem,
  newRun,
  nextStep,
  previousStep,
  sentIds,
  stepLabel,
} from './demo';

describe('demo stepping', () => {
  it('sends each step once on the way forward and ends on the summary', () => {
    let run = newRun();
    expect(stepLabel(run, 3)).toBe('Ready: 3 steps');
    const sends: (number | null)[] = [];
    for (let k = 0; k < 4; k++) {
      const r = nextStep(run, 3);
      sends.push(r.send);
      run = r.send === null ? r.run : markSent(r.run, r.send, `p${r.send}`);
    }
    expect(sends).toEqual([0, 1, 2, null]);
    expect(run.index).toBe(3);
    expect(stepLabel(run, 3)).toBe('Summary');
    // Past the summary nothing moves.
    expect(nextStep(run, 3)).toEqual({ run, send: null });
    expect(sentIds(run)).toEqual(['p0', 'p1', 'p2']);
  });

  it('goes back without sending, and forward again without resending', () => {
    let run = markSent(markSent({ index: 1, sent: [] }, 0, 'p0'), 1, 'p1');
    run = previousStep(run);
    expect(run.index).toBe(0);
    expect(stepLabel(run, 5)).toBe('Step 1 of 5');
    const again = nextStep(run, 5);
    expect(again.send).toBeNull();
    expect(again.run.index).toBe(1);
    // Step 3 was never sent: going on sends it.
    expect(nextStep(again.run, 5).send).toBe(2);
    expect(stepLabel(again.run, 5)).toBe('Step 2 of 5');
  });

  it('stops going back at the title card', () => {
    expect(previousStep(newRun())).toEqual(newRun());
    expect(previousStep({ index: 0, sent: ['p'] }).index).toBe(-1);
  });

  it('marks a step sent even when earlier ones were not', () => {
    expect(markSent(newRun(), 2, 'x').sent).toEqual([null, null, 'x']);
    expect(sentIds(markSent(newRun(), 2, 'x'))).toEqual(['x']);
  });
});

describe('the demo script', () => {
  it('defaults to four presets, word for word (so their checks apply)', () => {
    const d = defaultDemo();
    expect(d).toHaveLength(4);
    for (const p of d) expect(PRESETS.some((x) => x.prompt === p)).toBe(true);
  });

  it('says what keeps an edited script from being saved', () => {
    expect(demoProblems(['a', 'b'])).toEqual([]);
    expect(demoProblems([])).toEqual(['The demo needs at least one step.']);
    expect(demoProblems(['a', '  '])).toEqual(['Step 2 is empty: write a prompt or remove the step.']);
    expect(demoProblems(['x'.repeat(DEMO_LIMITS.chars + 1)])).toEqual([
      `Step 1 is longer than ${DEMO_LIMITS.chars} characters.`,
    ]);
    expect(demoProblems(Array.from({ length: DEMO_LIMITS.steps + 1 }, () => 'a'))).toEqual([
      `The demo can have at most ${DEMO_LIMITS.steps} steps.`,
    ]);
  });

  it('reorders steps within the list', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
