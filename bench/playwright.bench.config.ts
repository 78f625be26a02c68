/**
 * The bench runs as one Playwright test against `vite preview` of the bench build (the production app plus
 * the no-UI harness page). Run it through `npm run bench`, which builds first and prints the summary.
 */
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium';
import { BASE_URL, FIXTURES_DIR, OUT_DIR, PORT, ROOT } from './config';

/**
 * Nothing leaves the machine, and it fails the same way, at once, in every run: every host name but this
 * machine's fails to resolve (net::ERR_NAME_NOT_RESOLVED), e.g. the MathJax script the transformers.js demo
 * asks cdn.jsdelivr.net for. Not Playwright's route(): any route makes Playwright pause every request of the
 * context for interception (Fetch.enable with the pattern "*"), which would add a round trip to each of the
 * pages' own requests in the cold-start figures.
 */
const OFF_MACHINE_FAILS = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.bench\.ts/,
  globalSetup: './global-setup.ts',
  outputDir: resolve(ROOT, 'test-results-bench'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 10 * 60_000,
  expect: { timeout: 60_000 },
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    // Tracing and screenshots cost main-thread time in the page being measured.
    trace: 'off',
    // The service worker's first install (the whole app stored in the background) is not what is measured.
    serviceWorkers: 'block',
    // A step that cannot happen fails the bench instead of waiting for the 10-minute test timeout.
    actionTimeout: 60_000,
    screenshot: 'off',
    video: 'off',
    launchOptions: { executablePath: findChromium(), args: [...CHROMIUM_ARGS, OFF_MACHINE_FAILS] },
  },
  webServer: {
    command: `npx vite preview --config bench/vite.config.ts --host 127.0.0.1 --port ${PORT} --strictPort`,
    cwd: ROOT,
    url: BASE_URL,
    // Never measure a server someone else started from another build.
    reuseExistingServer: false,
    env: {
      ...(process.env as Record<string, string>),
      TANDEM_OUT: OUT_DIR,
      TANDEM_FIXTURES: FIXTURES_DIR,
    },
    timeout: 60_000,
  },
});
