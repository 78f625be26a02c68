import { describe, expect, it } from 'vitest';
import { analyzeTrace } from './trace';

const ORIGIN = 'http://127.0.0.1:4000';
const PID = 7;
const MAIN = 7;
const ms = (x: number): number => 1_000_000 + x * 1000;

type Ev = Record<string, unknown>;
const x = (name: string, at: number, dur: number, data: Record<string, unknown> = {}, tid = MAIN): Ev => ({
  name,
  ph: 'X',
  ts: ms(at),
  dur: dur * 1000,
  pid: PID,
  tid,
  args: { data },
});

function trace(extra: Ev[] = []): string {
  return JSON.stringify({
    traceEvents: [
      {
        name: 'navigationStart',
        ph: 'R',
        ts: ms(0),
        pid: PID,
        tid: MAIN,
        args: { frame: 'F1', data: { documentLoaderURL: `${ORIGIN}/`, isLoadingMainFrame: true } },
      },
      // Another document's load mark on the same thread comes first and must not be taken.
      { name: 'MarkLoad', ph: 'I', ts: ms(50), pid: PID, tid: MAIN, args: { data: { frame: 'OTHER' } } },
      { name: 'MarkLoad', ph: 'I', ts: ms(300), pid: PID, tid: MAIN, args: { data: { frame: 'F1' } } },
      // A 100 ms task: module evaluation (90 ms) holding a nested call, then 5 ms of style.
      x('RunTask', 100, 100),
      x('v8.evaluateModule', 101, 90),
      x('FunctionCall', 110, 20, { url: `${ORIGIN}/assets/index.js` }),
      x('UpdateLayoutTree', 192, 5),
      // A short task with 10 ms of script, and a script task that runs past the load event.
      x('RunTask', 210, 12),
      x('EvaluateScript', 211, 10, { url: `${ORIGIN}/assets/a.js` }),
      x('RunTask', 290, 30),
      x('FunctionCall', 290, 30, { url: `${ORIGIN}/assets/b.js` }),
      // A long task on another thread is not the page's.
      x('RunTask', 100, 200, {}, 99),
      ...extra,
    ],
  });
}

describe('analyzeTrace', () => {
  it('counts script on the main thread from navigation start to the load event, overlaps once', () => {
    const f = analyzeTrace(trace(), ORIGIN, 400);
    // 90 (module, holding the 20 ms call) + 10 + 10 (the last call, cut at the load event)
    expect(f?.scriptUntilLoadMs).toBeCloseTo(110, 6);
    expect(f?.busyUntilLoadMs).toBeCloseTo(100 + 12 + 10, 6);
  });

  it('lists the tasks over 50 ms that started before the first paint, with what ran in them', () => {
    const f = analyzeTrace(trace(), ORIGIN, 250);
    expect(f?.longTasksBeforeFcp).toEqual([
      {
        startMs: 100,
        durationMs: 100,
        scripts: [{ source: 'v8.evaluateModule', ms: 90 }],
        renderMs: 5,
        parseHtmlMs: 0,
      },
    ]);
    expect(analyzeTrace(trace(), ORIGIN, 90)?.longTasksBeforeFcp).toEqual([]);
  });

  it('names a script by its URL path', () => {
    const f = analyzeTrace(
      trace([x('RunTask', 400, 60), x('FunctionCall', 401, 55, { url: `${ORIGIN}/x.js` })]),
      ORIGIN,
      500,
    );
    expect(f?.longTasksBeforeFcp.at(-1)?.scripts).toEqual([{ source: '/x.js', ms: 55 }]);
  });

  it('gives null for a trace without that navigation or its load event', () => {
    expect(analyzeTrace(trace(), 'http://127.0.0.1:1', 100)).toBeNull();
    expect(analyzeTrace(JSON.stringify({ traceEvents: [] }), ORIGIN, 100)).toBeNull();
  });
});
