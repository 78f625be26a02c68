import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fixtureServer } from './e2e/fixtures/serve.ts';
import { webllmCatalog } from './build/webllm-catalog.ts';
import { pwa } from './build/pwa.ts';
import { prerenderShell } from './build/prerender-shell.ts';

import { EXTRA_REMOTE_ORIGINS, ISOLATION_HEADERS, previewHeaders, securityPolicy } from './build/csp.ts';

// Cross-origin isolation lets llama.cpp WASM use threads (SharedArrayBuffer). The dev server cannot take
// the production CSP (Vite injects inline scripts); preview serves exactly what static hosts get (_headers,
// previewHeaders in build/csp.ts).

import pkg from './package.json' with { type: 'json' };

export default defineConfig({
  // One source for the runtime version shown and exported: the exact pin in package.json.
  define: {
    __WEBLLM_VERSION__: JSON.stringify(pkg.dependencies['@mlc-ai/web-llm']),
    // Servers a remote pane may reach beyond local ones (TANDEM_REMOTE_ORIGINS, build/csp.ts).
    __TANDEM_REMOTE_ORIGINS__: JSON.stringify(EXTRA_REMOTE_ORIGINS),
  },
  plugins: [
    react(),
    prerenderShell(),
    webllmCatalog(),
    securityPolicy(),
    previewHeaders(),
    pwa(),
    fixtureServer(process.env.TANDEM_FIXTURES),
  ],
  worker: { format: 'es' },
  server: { headers: ISOLATION_HEADERS },
  build: {
    // TANDEM_OUT lets several builds (and previews) live side by side.
    outDir: process.env.TANDEM_OUT ?? 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 12000,
    reportCompressedSize: true,
  },
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'e2e/fixtures/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
      'build/**/*.test.ts',
    ],
    environment: 'node',
    // A hang guard, not a speed check: rendering the (then recharts) charts in jsdom took 17 s once on this
    // 2-core machine while other builds ran (the 5 s default failed a clean-clone CI run).
    testTimeout: 30_000,
  },
});
