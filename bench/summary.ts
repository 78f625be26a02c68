/** The printed summary of bench-report.json: every figure with its method's short name, then the targets. */
import type { ColdStartReport, ColdSiteReport, MetricSummary } from './cold-start';
import type { CpuByClass } from './cpu-threads';
import type { PageCostReport } from './page-cost';
import type { BenchReport, PhaseReport, StreamWindow, TargetResult } from './report';

const n = (x: number | null | undefined, d = 1): string =>
  x === null || x === undefined ? '—' : x.toFixed(d);
const pct = (x: number | null | undefined): string =>
  x === null || x === undefined ? '—' : `${Math.round(x * 100)} %`;
const range = (i: [number, number] | null | undefined, d = 3): string =>
  i ? `${n(i[0], d)}–${n(i[1], d)}` : '—';
const cpuLine = (c: CpuByClass, d = 2): string =>
  `engine workers ${n(c.workers, d)}, page main threads ${n(c.rendererMain, d)}, compositor+raster ${n(c.compositorRaster, d)}, ` +
  `GPU process ${n(c.gpuProcess, d)}, other ${n(c.other, d)}`;

function phase(name: string, p: PhaseReport | null, ratio: number | null): string[] {
  if (!p) return [`  ${name}: not run`];
  return [
    `  ${name}: app ${n(p.app.median)} tok/s (IQR ${n(p.app.p25)}–${n(p.app.p75)}), bare ${n(p.bare.median)} tok/s (IQR ${n(p.bare.p25)}–${n(p.bare.p75)})`,
    `    overhead ${n(ratio, 3)} (95 % interval ${range(p.overheadInterval95)}); paired app ÷ bare: median ${n(p.pairedRatios.median, 3)}, ` +
      `range ${n(p.pairedRatios.min, 3)}–${n(p.pairedRatios.max, 3)}; app main thread busy ${pct(p.appMainThreadBusy.median)} ` +
      `(${pct(p.appMainThreadBusyWhileIdle.median)} while idle in bare runs)`,
    ...(p.cpu.app && p.cpu.bare
      ? [
          `    CPU-seconds a run, app: ${cpuLine(p.cpu.app)}`,
          `    CPU-seconds a run, bare: ${cpuLine(p.cpu.bare)}`,
        ]
      : []),
  ];
}

const ms = (m: MetricSummary, d = 0): string => `${n(m.median, d)} (${range(m.interval95, d)})`;

function coldSite(s: ColdSiteReport): string[] {
  const realUi =
    s.realUiAtFcpRuns === null
      ? ''
      : `; real UI in the first paint: ${s.realUiAtFcpRuns}/${s.runs.length} runs`;
  const ready =
    s.appReadyMs.median === null
      ? []
      : [
          `    app live (device probed, session restored) at ${ms(s.appReadyMs)} ms, ${ms(s.jsKBBeforeReady, 1)} KB gzip of JS fetched by then`,
        ];
  return [
    `  ${s.name}: load ${ms(s.navToLoadMs)} ms, FCP ${ms(s.fcpMs)} ms, LCP ${ms(s.lcpMs)} ms, DOMContentLoaded ${ms(s.domContentLoadedMs)} ms`,
    `    script until load ${ms(s.scriptUntilLoadMs)} ms (main thread busy ${ms(s.mainThreadBusyUntilLoadMs)} ms); JS before load ${ms(s.jsKBBeforeLoad, 1)} KB gzip` +
      `; runs with a long task before FCP ${s.runsWithLongTaskBeforeFcp}/${s.runs.length} (longest ${n(s.longestTaskBeforeFcpMs, 0)} ms)${realUi}`,
    ...ready,
  ];
}

function cold(c: ColdStartReport | null): string[] {
  if (!c) return ['Cold start: not run'];
  return [
    `Cold start: ${String(c.config.runsPerSite)} fresh-context loads a site, interleaved; medians (95 % interval), ms from navigation start`,
    ...c.sites.flatMap(coldSite),
    ...c.missing.map((m) => `  ${m.name}: NOT MEASURED: ${m.reason}`),
    ...(c.vsTjs
      ? [
          `  Tandem ÷ transformers.js demo: FCP ${n(c.vsTjs.fcp, 2)} (${range(c.vsTjs.fcpInterval95, 2)}), load ${n(c.vsTjs.load, 2)} (${range(c.vsTjs.loadInterval95, 2)})`,
        ]
      : []),
  ];
}

function stream(st: StreamWindow | null): string[] {
  if (!st) return ['While both panes stream flat out: not run'];
  const scripts = new Map<string, number>();
  for (const f of st.longTasks.animationFrames)
    for (const s of f.scripts) scripts.set(s.source, (scripts.get(s.source) ?? 0) + s.duration);
  const top = [...scripts].sort((a, b) => b[1] - a[1]).slice(0, 3);
  const m = st.streaming.mainThread;
  return [
    `While both panes stream flat out (${n(st.frames.windowMs / 1000)} s, charts in view, page ${st.streaming.pageVisibility})`,
    `  ${n(st.fps)} fps (idle page ${n(st.frames.idleFps)} fps); frame interval median ${n(st.frames.intervalMs.median)} ms, p95 ${n(st.frames.intervalMs.p95)} ms, max ${n(st.frames.intervalMs.max)} ms`,
    `  long tasks: ${st.longTasks.count}, longest ${n(st.longTasks.maxMs, 0)} ms, ${n(st.longTasks.totalMs, 0)} ms in all` +
      (top.length ? `; scripts in long frames: ${top.map(([s, d]) => `${s} ${n(d, 0)} ms`).join(', ')}` : ''),
    `  main thread ${pct(m.busy)} busy (script ${n(m.scriptMs, 0)} ms, layout ${n(m.layoutMs, 0)} ms, style ${n(m.styleMs, 0)} ms of ${n(m.wallMs, 0)} ms)`,
    ...(st.streaming.cpu ? [`  CPU, cores busy: ${cpuLine(st.streaming.cpu)}`] : []),
    `  ${st.streaming.panes.map((p) => `pane ${p.pane} ${n(p.tokensPerS)} tok/s${p.streamedThroughWindow ? '' : ' (stopped before the window ended!)'}`).join(', ')}`,
    ...(st.hotFunctions
      ? [
          `  most main-thread self time (CPU profile): ${st.hotFunctions
            .slice(0, 8)
            .map((h) => `${h.where} ${n(h.selfMs, 0)} ms`)
            .join('; ')}`,
        ]
      : []),
  ];
}

function pageCost(how: string, pc: PageCostReport | null): string[] {
  if (!pc) return [`What the page adds, ${how}: not measured`];
  const rates = (xs: (number | null)[]): string => xs.map((x) => n(x)).join(', ');
  return [
    `What the page adds while both panes stream the paced model, charts in view, ${how} (${pc.windows.length} windows of ${pc.windowS} s, app and bare alternating), cores busy`,
    ...(pc.app && pc.bare && pc.added
      ? [`  app:   ${cpuLine(pc.app)}`, `  bare:  ${cpuLine(pc.bare)}`, `  added: ${cpuLine(pc.added)}`]
      : []),
    `  the page adds ${n(pc.addedTotal, 2)} cores (95 % interval ${range(pc.addedTotalInterval95, 2)}), engine workers left out; ` +
      `tok/s a pane, app: ${rates(pc.windows.map((w) => w.appTokensPerS))}; bare: ${rates(pc.windows.map((w) => w.bareTokensPerS))}`,
  ];
}

function target(t: TargetResult): string {
  const state = !t.ran ? 'n/a ' : t.pass ? 'PASS' : 'MISS';
  const digits =
    t.unit === 'runs' || t.name.startsWith('long tasks') ? 0 : t.name.startsWith('overhead') ? 3 : 2;
  return `  ${state}  ${t.name}: ${t.ran ? `${n(t.value, digits)}${t.unit && t.unit !== 'runs' ? ` ${t.unit}` : ''}` : 'not measured'} (target ${t.target})`;
}

export function formatSummary(r: BenchReport, reportPath: string): string {
  const m = r.machine as {
    chromium: string;
    cores: number | null;
    host: { cpuModel: string | null; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  };
  const pinned = r.overhead.pinned;
  const pc = r.pageCost;
  const kb = (b: number): string => `${(b / 1024).toFixed(1)} KB`;
  const groups = [...new Set(r.targets.map((t) => t.group))];
  return [
    '',
    `Tandem bench — ${r.generatedAt} (${r.durationS} s); parts: ${r.phases.join(', ')}`,
    `  Chromium ${m.chromium}, ${m.cores ?? '?'} cores (${m.host.cpuModel ?? '?'})`,
    `  host load average ${n(m.host.loadAverageAtStart[0], 2)} at start, ${n(m.host.loadAverageAtEnd[0], 2)} at end (other processes share these cores)`,
    '',
    ...cold(r.coldStart),
    '',
    'Decode rate from worker token times (median over runs), paced model; engines and page share the cores',
    ...phase('one pane ', r.decode.onePane, r.overhead.onePane),
    ...phase('two panes', r.decode.twoPanes, r.overhead.twoPanes),
    pinned && 'unavailable' in pinned
      ? `The same with the engines on a core of their own: cannot run here (${pinned.unavailable})`
      : `The same with the engines on a core of their own${pinned ? ` (workers on core ${pinned.cores.engine}, the rest on core ${pinned.cores.page}; ${pinned.pinning.passes} pinning passes, longest ${pinned.pinning.longestPassMs} ms)` : ''}`,
    ...phase('one pane ', r.decode.pinned.onePane, pinned && 'onePane' in pinned ? pinned.onePane : null),
    ...phase('two panes', r.decode.pinned.twoPanes, pinned && 'twoPanes' in pinned ? pinned.twoPanes : null),
    'The same, tiny model flat out',
    ...phase('one pane ', r.decode.flatOut.onePane, r.overhead.flatOut.onePane),
    ...phase('two panes', r.decode.flatOut.twoPanes, r.overhead.flatOut.twoPanes),
    '',
    ...(pc
      ? [
          ...pageCost('engines pinned', pc.enginesPinned),
          ...pageCost('sharing the cores', pc.sharedCores),
          ...(pc.perRun
            ? [
                `Counted per two-pane overhead run (the issue's way): the page adds ${n(pc.perRun.addedCores, 2)} cores ((${n(pc.perRun.appCoreS, 2)} − ${n(pc.perRun.bareCoreS, 2)}) core-s over ${n(pc.perRun.streamS, 2)} s)`,
              ]
            : []),
        ]
      : ['What the page adds while both panes stream: not run']),
    '',
    ...stream(r.stream),
    '',
    `Bundle (${r.bundle.sameAsProductionBuild ? 'the app is byte-identical to `vite build`' : 'NOT verified identical to `vite build`'})`,
    `  main chunk ${r.bundle.mainFile}: ${kb(r.bundle.mainGzipBytes)} gzip (${kb(r.bundle.mainBytes)} raw)`,
    `  up front: ${kb(r.bundle.upFrontJsGzipBytes)} JS, ${kb(r.bundle.upFrontGzipBytes)} JS+CSS, gzip; web-llm/wllama in it: ${r.bundle.runtimesInMain ? `yes (${r.bundle.runtimesFound.join(', ')})` : 'no'}`,
    ...(r.offsiteRequests.length
      ? [
          '',
          `⚠ ${r.offsiteRequests.length} request(s) tried to leave the machine: ${r.offsiteRequests.slice(0, 3).join(', ')}`,
        ]
      : []),
    '',
    'Targets (reported, never failed)',
    ...groups.flatMap((g) => [` ${g}`, ...r.targets.filter((t) => t.group === g).map(target)]),
    '',
    `Full report: ${reportPath}`,
  ].join('\n');
}
