import { describe, expect, it } from 'vitest';
import { coldSite, coldStart, emptyReport } from './report-fixture';
import { evaluateTargets } from './targets';

const byName = (r: ReturnType<typeof evaluateTargets>, part: string) => {
  const t = r.find((x) => x.name.includes(part));
  if (!t) throw new Error(`no target named like "${part}"`);
  return t;
};

describe('evaluateTargets', () => {
  it('marks every target whose part did not run as not measured (and not passed)', () => {
    const targets = evaluateTargets(emptyReport());
    const notRun = targets.filter((t) => !t.ran);
    // Only the bundle is always measured.
    expect(targets.filter((t) => t.ran).map((t) => t.name)).toEqual(['up-front JS, gzip']);
    for (const t of notRun) expect(t.pass).toBe(false);
  });

  it('judges the cold start against the transformers.js demo, at the edges', () => {
    const r = emptyReport();
    const tandem = coldSite('tandem', { fcp: 320, load: 200, runs: 5, realUiRuns: 5, longTaskRuns: 0 });
    r.coldStart = coldStart([tandem], { fcp: 0.8, fcpInterval95: null, load: 1, loadInterval95: null });
    let t = evaluateTargets(r);
    expect(byName(t, 'first contentful paint ÷').pass).toBe(true);
    expect(byName(t, 'load event ÷').pass).toBe(true);
    expect(byName(t, 'real UI').pass).toBe(true);
    expect(byName(t, 'long task').pass).toBe(true);
    r.coldStart = coldStart([{ ...tandem, realUiAtFcpRuns: 4, runsWithLongTaskBeforeFcp: 1 }], {
      fcp: 0.81,
      fcpInterval95: null,
      load: 1.01,
      loadInterval95: null,
    });
    t = evaluateTargets(r);
    expect(byName(t, 'first contentful paint ÷')).toMatchObject({ ran: true, pass: false, value: 0.81 });
    expect(byName(t, 'load event ÷').pass).toBe(false);
    expect(byName(t, 'real UI')).toMatchObject({ value: 4, pass: false, target: 'all 5 runs' });
    expect(byName(t, 'long task')).toMatchObject({ value: 1, pass: false });
  });

  it('counts the up-front JS against 100 KB', () => {
    const r = emptyReport();
    expect(byName(evaluateTargets(r), 'up-front JS')).toMatchObject({ value: 99, pass: true });
    r.bundle.upFrontJsGzipBytes = 100 * 1024 + 1;
    expect(byName(evaluateTargets(r), 'up-front JS').pass).toBe(false);
  });

  it('judges pinned overhead at 0.99, and says so when pinning cannot run', () => {
    const r = emptyReport();
    r.overhead.pinned = {
      onePane: 0.99,
      twoPanes: 0.989,
      pairedMedianOnePane: null,
      pairedMedianTwoPanes: null,
      onePaneInterval95: null,
      twoPanesInterval95: null,
      cores: { engine: 1, page: 0 },
      pinning: {
        priority: 'real-time',
        priorityNote: null,
        passes: 1,
        movedToEngine: 2,
        movedToPage: 9,
        gone: 0,
        longestPassMs: 3,
      },
    };
    let t = evaluateTargets(r);
    expect(byName(t, 'one pane, paced model, engines on their own core').pass).toBe(true);
    expect(byName(t, 'two panes, paced model, engines on their own core').pass).toBe(false);
    r.overhead.pinned = { unavailable: 'taskset (util-linux) is not installed' };
    t = evaluateTargets(r);
    expect(byName(t, 'one pane, paced model, engines on their own core').ran).toBe(false);
  });
});
