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

const tried = [process.env.CHROMIUM_PATH, ...SYSTEM].filter(Boolean);
const chromium = tried.find((p) => existsSync(p));

/** What to do when no browser can be found or fetched, in words. */
function noChromium() {
  console.error(`
✘ No Chromium for the end-to-end tests.
  Tried: ${tried.join(', ')}${process.env.CHROMIUM_PATH ? '' : ' (CHROMIUM_PATH is not set)'}
  and Playwright's own browser, which could not be installed (it needs access to Playwright's CDN).
  Do one of these, then run the tests again:
    - install your distribution's Chromium:  sudo apt-get install chromium   (Debian/Ubuntu: chromium or
      chromium-browser; Fedora: chromium; Arch: chromium; macOS: brew install --cask chromium)
    - or point CHROMIUM_PATH at a Chromium or Chrome binary:  CHROMIUM_PATH=/path/to/chrome npm test
    - or, with network access: npx playwright install chromium`);
  process.exit(1);
}

if (chromium) {
  console.log(`Chromium: ${chromium}`);
  process.env.CHROMIUM_PATH = chromium;
} else {
  console.log(`No Chromium at ${tried.join(', ')}: installing Playwright’s own (needs network access).`);
  // One attempt, bounded: Playwright retries its download on its own; without a network it would only say "failed".
  const r = spawnSync('npx', ['playwright', 'install', 'chromium'], {
    stdio: 'inherit',
    env: process.env,
    timeout: 180_000,
  });
  if (r.status !== 0) noChromium();
}

run('npx', ['tsc', '-b']);
run('npx', ['eslint', '.']);
run('npx', ['vitest', 'run']);
run('npx', ['vite', 'build']);
run('node', ['scripts/check-bundle.mjs']);
run('npx', ['playwright', 'test']);
