import { describe, expect, it } from 'vitest';
import { coldSite, coldStart, emptyReport } from './report-fixture';
import { formatSummary } from './summary';
import { evaluateTargets } from './targets';

describe('formatSummary', () => {
  it('says which parts did not run, and marks each target PASS, MISS or not measured', () => {
    const partial = emptyReport();
    partial.coldStart = coldStart(
      [
        coldSite('tandem', { fcp: 500, load: 300, runs: 5, realUiRuns: 0, longTaskRuns: 5 }),
        coldSite('tjs-llama-3.2-webgpu', { fcp: 400, load: 200, runs: 5, realUiRuns: null, longTaskRuns: 1 }),
      ],
      { fcp: 1.25, fcpInterval95: [1.1, 1.4], load: 1.5, loadInterval95: [1.2, 1.7] },
    );
    partial.coldStart.missing.push({
      name: 'web-llm-chat',
      dir: '/nowhere',
      reason: 'no index.html in /nowhere',
    });
    const text = formatSummary({ ...partial, targets: evaluateTargets(partial) }, '/tmp/report.json');
    expect(text).toContain('Tandem ÷ transformers.js demo: FCP 1.25 (1.10–1.40), load 1.50 (1.20–1.70)');
    expect(text).toContain('web-llm-chat: NOT MEASURED: no index.html in /nowhere');
    expect(text).toContain('real UI in the first paint: 0/5 runs');
    expect(text).toContain('What the page adds while both panes stream: not run');
    expect(text).toContain(
      'MISS  first contentful paint ÷ the transformers.js demo’s: 1.25 × (target ≤ 0.8 ×)',
    );
    expect(text).toContain('PASS  up-front JS, gzip: 99.00 KB (target ≤ 100 KB)');
    expect(text).toMatch(/n\/a {3}frame rate while two panes stream flat out, charts in view: not measured/);
    expect(text).toContain('Full report: /tmp/report.json');
  });
});
