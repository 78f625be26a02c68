import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fixtureServer } from './e2e/fixtures/serve.ts';
import { webllmCatalog } from './build/webllm-catalog.ts';

/**
 * Cross-origin isolation lets llama.cpp WASM use threads (SharedArrayBuffer).
 * The same headers ship for static hosts in public/_headers.
 */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react(), webllmCatalog(), fixtureServer(process.env.TANDEM_FIXTURES)],
  worker: { format: 'es' },
  server: { headers: isolation },
  preview: { headers: isolation },
  build: {
    // TANDEM_OUT lets several builds (and previews) live side by side.
    outDir: process.env.TANDEM_OUT ?? 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 12000,
    reportCompressedSize: true,
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'e2e/fixtures/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
