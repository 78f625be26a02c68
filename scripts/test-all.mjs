#!/usr/bin/env node
// The whole test suite: type-check, lint, unit tests, production build, e2e in headless Chromium.
// Chromium: CHROMIUM_PATH, else a system Chromium, else Playwright's own (installed when missing).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const SYSTEM = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
];

function run(cmd, args) {
  console.log(`\n> ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    console.error(`\n✘ ${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

const chromium = [process.env.CHROMIUM_PATH, ...SYSTEM].find((p) => p && existsSync(p));
if (chromium) {
  console.log(`Chromium: ${chromium}`);
  process.env.CHROMIUM_PATH = chromium;
} else {
  console.log('No system Chromium found: installing Playwright’s own (needs network access).');
  run('npx', ['playwright', 'install', 'chromium']);
}

run('npx', ['tsc', '-b']);
run('npx', ['eslint', '.']);
run('npx', ['vitest', 'run']);
run('npx', ['vite', 'build']);
run('node', ['scripts/check-bundle.mjs']);
run('npx', ['playwright', 'test']);
