#!/usr/bin/env node
// `npm run bench`: builds the production app plus the bench's no-UI harness page (bench/vite.config.ts, into
// dist-bench), checks that the app in it is byte for byte the one `vite build` makes, runs the measuring
// Playwright test (bench/playwright.bench.config.ts) in headless Chromium on generated models, then prints
// the summary it wrote beside bench-report.json (bench-report.txt). TANDEM_BENCH_PHASES runs only some parts
// (bench/README.md). Exits non-zero only when the bench itself could not run; a figure that
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
const summaryPath = reportPath.replace(/(\.json)?$/, '.txt');
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
  rmSync(summaryPath, { force: true });
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
  // Written by the bench beside the report (bench/summary.ts).
  console.log(readFileSync(summaryPath, 'utf8'));
} catch (e) {
  console.error(`\n✘ bench could not run: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
