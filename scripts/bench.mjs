#!/usr/bin/env node
// `npm run bench`: builds the production app plus the bench's no-UI harness page (bench/vite.config.ts, into
// dist-bench), checks that the app in it is byte for byte the one `vite build` makes, runs the measuring
// Playwright test (bench/playwright.bench.config.ts) in headless Chromium on generated models, then prints
// the summary of bench-report.json. Exits non-zero only when the bench itself could not run; a figure that
// misses its target is reported, not failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const env = {
  ...process.env,
  TANDEM_PORT: process.env.TANDEM_PORT ?? '4373',
  TANDEM_OUT: process.env.TANDEM_OUT ?? 'dist-bench',
  TANDEM_FIXTURES_DIR: process.env.TANDEM_FIXTURES_DIR ?? '.e2e-fixtures-bench',
};
const reportPath = resolve(root, env.TANDEM_BENCH_REPORT ?? 'bench-report.json');
const outDir = resolve(root, env.TANDEM_OUT);
if (outDir === resolve(root, 'dist')) {
  console.error('✘ TANDEM_OUT=dist: the bench must not overwrite the production build; pick another folder.');
  process.exit(2);
}

function run(cmd, args, extraEnv = {}) {
  console.log(`\n> ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

/** The app part of the bench build must be what ships: same index.html, so the same hashed chunks. */
function sameAsProduction() {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-prod-'));
  try {
    run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', dir, '--emptyOutDir']);
    return readFileSync(join(dir, 'index.html'), 'utf8') === readFileSync(join(outDir, 'index.html'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

try {
  rmSync(reportPath, { force: true });
  const buildBench = () =>
    run('npx', ['vite', 'build', '--logLevel', 'warn', '--config', 'bench/vite.config.ts']);
  buildBench();
  let same = sameAsProduction();
  if (!same) {
    // Most likely a source file changed between the two builds: build both once more.
    console.log('The app in the bench build differs from `vite build`; building both again.');
    buildBench();
    same = sameAsProduction();
  }
  console.log(
    same
      ? 'The app in the bench build is the production build.'
      : '⚠ The app in the bench build differs from `vite build`.',
  );
  run('npx', ['playwright', 'test', '--config', 'bench/playwright.bench.config.ts'], {
    TANDEM_BENCH_SAME_AS_PRODUCTION: same ? '1' : '0',
  });
  if (!existsSync(reportPath)) throw new Error(`${reportPath} was not written`);
  printSummary(JSON.parse(readFileSync(reportPath, 'utf8')));
} catch (e) {
  console.error(`\n✘ bench could not run: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}

function printSummary(r) {
  const n = (x, d = 1) => (x === null || x === undefined ? '—' : x.toFixed(d));
  const pct = (x) => (x === null || x === undefined ? '—' : `${Math.round(x * 100)} %`);
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  const m = r.machine;
  const host = m.host;
  const adapter =
    m.adapter.error ??
    [m.adapter.vendor, m.adapter.architecture, m.adapter.description].filter(Boolean).join(' / ');
  const phase = (name, p, ratio) => [
    `  ${name}: app ${n(p.app.median)} tok/s (IQR ${n(p.app.p25)}–${n(p.app.p75)}), ` +
      `bare ${n(p.bare.median)} tok/s (IQR ${n(p.bare.p25)}–${n(p.bare.p75)})`,
    `    overhead ${n(ratio, 3)} (95 % interval ${n(p.overheadInterval95?.[0], 3)}–${n(p.overheadInterval95?.[1], 3)}); paired app ÷ bare: median ${n(p.pairedRatios.median, 3)}, ` +
      `range ${n(p.pairedRatios.min, 3)}–${n(p.pairedRatios.max, 3)}; app main thread busy ${pct(p.appMainThreadBusy.median)} ` +
      `(${pct(p.appMainThreadBusyWhileIdle.median)} while idle in bare runs)`,
    ...(p.cpu?.app && p.cpu.bare
      ? [
          `    CPU-seconds a run (app / bare): engine workers ${n(p.cpu.app.workers, 2)} / ${n(p.cpu.bare.workers, 2)}, ` +
            `page main threads ${n(p.cpu.app.rendererMain, 2)} / ${n(p.cpu.bare.rendererMain, 2)}, ` +
            `compositor+raster ${n(p.cpu.app.compositorRaster, 2)} / ${n(p.cpu.bare.compositorRaster, 2)}, ` +
            `GPU process ${n(p.cpu.app.gpuProcess, 2)} / ${n(p.cpu.bare.gpuProcess, 2)}, other ${n(p.cpu.app.other, 2)} / ${n(p.cpu.bare.other, 2)}`,
        ]
      : []),
  ];
  const st = r.streaming;
  const scripts = new Map();
  for (const f of r.longTasks.animationFrames)
    for (const s of f.scripts) scripts.set(s.source, (scripts.get(s.source) ?? 0) + s.duration);
  const topScripts = [...scripts].sort((a, b) => b[1] - a[1]).slice(0, 3);
  const lines = [
    '',
    `Tandem bench — ${r.generatedAt} (${r.durationS} s)`,
    `  Chromium ${m.chromium}, ${m.cores} cores (${host.cpuModel ?? '?'}), adapter ${adapter}`,
    `  engine ${m.engine?.runtime ?? '?'}, ${m.engine?.threads ?? '?'} per worker, cross-origin isolated: ${m.crossOriginIsolated}`,
    `  host load average ${host.loadAverageAtStart[0]} at start, ${host.loadAverageAtEnd[0]} at end (other processes share these cores)`,
    `  ${r.config.warmupRunsPerSide} warm-up + ${r.config.runsPerSide} measured runs per side, interleaved app, bare, app, bare …`,
    '',
    `Decode rate from worker token times (median over runs), paced model: ${r.config.models.paced.file}, ${r.config.models.paced.maxTokens} tokens a run`,
    ...phase('one pane ', r.decode.onePane, r.overhead.onePane),
    ...phase('two panes', r.decode.twoPanes, r.overhead.twoPanes),
    `The same, tiny model flat out: ${r.config.models.flatOut.file}, ${r.config.models.flatOut.maxTokens} tokens a run`,
    ...phase('one pane ', r.decode.flatOut.onePane, r.overhead.flatOut.onePane),
    ...phase('two panes', r.decode.flatOut.twoPanes, r.overhead.flatOut.twoPanes),
    '',
    `While both panes stream (${n(r.frames.windowMs / 1000)} s, page ${st.pageVisibility})`,
    `  ${n(r.fps)} fps (idle page ${n(r.frames.idleFps)} fps); frame interval median ${n(r.frames.intervalMs.median)} ms, ` +
      `p95 ${n(r.frames.intervalMs.p95)} ms, max ${n(r.frames.intervalMs.max)} ms`,
    `  long tasks: ${r.longTasks.count}, longest ${n(r.longTasks.maxMs, 0)} ms, ${n(r.longTasks.totalMs, 0)} ms in all` +
      (topScripts.length
        ? `; scripts in long frames: ${topScripts.map(([s, d]) => `${s} ${n(d, 0)} ms`).join(', ')}`
        : ''),
    `  main thread ${pct(st.mainThread.busy)} busy (script ${n(st.mainThread.scriptMs, 0)} ms, layout ${n(st.mainThread.layoutMs, 0)} ms, ` +
      `style ${n(st.mainThread.styleMs, 0)} ms of ${n(st.mainThread.wallMs, 0)} ms)`,
    ...(st.cpu
      ? [
          `  CPU, cores busy: engine workers ${n(st.cpu.workers, 2)}, page main threads ${n(st.cpu.rendererMain, 2)}, ` +
            `compositor+raster ${n(st.cpu.compositorRaster, 2)}, GPU process ${n(st.cpu.gpuProcess, 2)}, other ${n(st.cpu.other, 2)}`,
        ]
      : []),
    `  ${st.panes.map((p) => `pane ${p.pane} ${n(p.tokensPerS)} tok/s${p.streamedThroughWindow ? '' : ' (stopped before the window ended!)'}`).join(', ')}`,
    '',
    `Bundle (${r.bundle.sameAsProductionBuild ? 'the app is byte-identical to `vite build`' : 'NOT verified identical to `vite build`'})`,
    `  main chunk ${r.bundle.mainFile}: ${kb(r.bundle.mainGzipBytes)} gzip (${kb(r.bundle.mainBytes)} raw)`,
    `  up front: ${kb(r.bundle.upFrontJsGzipBytes)} JS, ${kb(r.bundle.upFrontGzipBytes)} JS+CSS, gzip; ` +
      `web-llm/wllama in it: ${r.bundle.runtimesInMain ? `yes (${r.bundle.runtimesFound.join(', ')})` : 'no'}`,
    ...(r.offsiteRequests.length
      ? [
          '',
          `⚠ ${r.offsiteRequests.length} request(s) tried to leave the machine: ${r.offsiteRequests.slice(0, 3).join(', ')}`,
        ]
      : []),
    '',
    'Targets (reported, never failed)',
    ...r.targets.map((t) => {
      const v = t.name.includes('gzip') ? kb(t.value) : n(t.value, t.name.startsWith('overhead') ? 3 : 1);
      return `  ${t.pass ? 'PASS' : 'MISS'}  ${t.name}: ${v} (target ${t.target})`;
    }),
    '',
    `Full report: ${reportPath}`,
  ];
  console.log(lines.join('\n'));
}
