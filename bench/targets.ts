/** Each figure of bench-report.json against its target: PASS or MISS, reported, never failed. */
import { TARGETS } from './config';
import type { BenchReport, TargetResult } from './report';

type Group = TargetResult['group'];

const atLeast = (group: Group, name: string, value: number | null, min: number, unit = ''): TargetResult => ({
  group,
  name,
  target: `≥ ${min}${unit ? ` ${unit}` : ''}`,
  value,
  unit,
  ran: value !== null,
  pass: value !== null && value >= min,
});

const atMost = (group: Group, name: string, value: number | null, max: number, unit = ''): TargetResult => ({
  group,
  name,
  target: `≤ ${max}${unit ? ` ${unit}` : ''}`,
  value,
  unit,
  ran: value !== null,
  pass: value !== null && value <= max,
});

function coldTargets(r: Omit<BenchReport, 'targets'>): TargetResult[] {
  const cold = r.coldStart;
  const tandem = cold?.sites.find((s) => s.name === 'tandem') ?? null;
  const runs = tandem?.runs.length ?? 0;
  const group: Group = 'cold start';
  return [
    {
      group,
      name: 'the real UI (title, both panes, prompt box) in the first contentful paint, runs',
      target: `all ${runs} runs`,
      value: tandem?.realUiAtFcpRuns ?? null,
      unit: 'runs',
      ran: tandem !== null,
      pass: tandem !== null && runs > 0 && tandem.realUiAtFcpRuns === runs,
    },
    atMost(
      group,
      'first contentful paint ÷ the transformers.js demo’s',
      cold?.vsTjs?.fcp ?? null,
      TARGETS.fcpVsTjs,
      '×',
    ),
    atMost(
      group,
      'load event ÷ the transformers.js demo’s',
      cold?.vsTjs?.load ?? null,
      TARGETS.loadVsTjs,
      '×',
    ),
    {
      group,
      name: `runs with a long task > ${TARGETS.longTaskMs} ms before the first contentful paint`,
      target: '0',
      value: tandem?.runsWithLongTaskBeforeFcp ?? null,
      unit: 'runs',
      ran: tandem !== null,
      pass: tandem !== null && tandem.runsWithLongTaskBeforeFcp === 0,
    },
    atMost(
      group,
      'up-front JS, gzip',
      r.bundle.upFrontJsGzipBytes / 1024,
      TARGETS.upFrontJsGzipBytes / 1024,
      'KB',
    ),
  ];
}

export function evaluateTargets(r: Omit<BenchReport, 'targets'>): TargetResult[] {
  const pinned = r.overhead.pinned && 'cores' in r.overhead.pinned ? r.overhead.pinned : null;
  const stream = r.stream;
  const earlier: Group = 'unpinned overhead (earlier targets)';
  return [
    ...coldTargets(r),
    atMost(
      'page cost',
      `cores the page adds over the bare engine, two panes streaming the paced model, charts in view (engines ${r.pageCost?.enginesPinned ? 'pinned' : 'sharing the cores'})`,
      (r.pageCost?.enginesPinned ?? r.pageCost?.sharedCores)?.addedTotal ?? null,
      TARGETS.pageCostCores,
      'cores',
    ),
    atLeast(
      'pinned overhead',
      'overhead, one pane, paced model, engines on their own core',
      pinned?.onePane ?? null,
      TARGETS.pinnedOverhead,
    ),
    atLeast(
      'pinned overhead',
      'overhead, two panes, paced model, engines on their own core',
      pinned?.twoPanes ?? null,
      TARGETS.pinnedOverhead,
    ),
    {
      group: 'smooth',
      name: `long tasks > ${TARGETS.longTaskMs} ms while two panes stream flat out, charts in view`,
      target: '0',
      value: stream?.longTasks.count ?? null,
      unit: '',
      ran: stream !== null,
      pass:
        stream !== null &&
        stream.longTasks.supported &&
        stream.longTasks.count === 0 &&
        stream.longTasks.maxMs <= TARGETS.longTaskMs,
    },
    atLeast(
      'smooth',
      'frame rate while two panes stream flat out, charts in view',
      stream?.fps ?? null,
      TARGETS.fps,
      'fps',
    ),
    atLeast(earlier, 'overhead, one pane (paced model)', r.overhead.onePane, TARGETS.overhead),
    atLeast(earlier, 'overhead, two panes (paced model)', r.overhead.twoPanes, TARGETS.overhead),
    atLeast(
      earlier,
      'overhead, one pane (tiny model flat out)',
      r.overhead.flatOut.onePane,
      TARGETS.overhead,
    ),
    atLeast(
      earlier,
      'overhead, two panes (tiny model flat out)',
      r.overhead.flatOut.twoPanes,
      TARGETS.overhead,
    ),
  ];
}
