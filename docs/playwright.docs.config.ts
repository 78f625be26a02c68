/** `npm run screenshot`: renders the README's screenshot from the production build with generated models. */
import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: /.*\.shot\.ts/,
  outputDir: '../test-results-docs',
  globalSetup: '../e2e/global-setup.ts',
  webServer:
    base.webServer && !Array.isArray(base.webServer) ? { ...base.webServer, cwd: '..' } : base.webServer,
});
