import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/chromium';
import { BASE_URL, FIXTURES_DIR, PORT } from './e2e/paths';

export default defineConfig({
  testDir: './e2e',
  testMatch: /.*\.spec\.ts/,
  // Several suites may run side by side (TANDEM_PORT): each keeps its own artifacts.
  outputDir: process.env.TANDEM_PORT ? `test-results-${PORT}` : 'test-results',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    // The app's service worker stores ~17 MB in the background on a first visit, which every test is:
    // kept out of specs about other things (timings, quotas, request counts); e2e/offline.spec.ts allows it.
    serviceWorkers: 'block',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: !process.env.CI,
    env: { ...(process.env as Record<string, string>), TANDEM_FIXTURES: FIXTURES_DIR },
    timeout: 60_000,
  },
});
