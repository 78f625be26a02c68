/**
 * Bench-only build: the production app exactly as `vite build` makes it, plus the no-UI harness page,
 * into its own folder (dist-bench by default) so the production dist/ is never touched.
 *
 * The harness imports the engine client too. Left alone, the bundler would move modules both pages use
 * (the engine client, Vite's module-preload polyfill) out of the app's entry chunk into chunks both
 * entries load, and the app measured here would no longer be the app that ships. So the harness gets its
 * own copies: its imports of app files resolve to the same files with a marker query (a different module
 * to the bundler), and it goes without the polyfill (the bench runs in Chromium, which needs none).
 */
import { resolve } from 'node:path';
import { defineConfig, mergeConfig, type Plugin } from 'vite';
import base from '../vite.config.ts';

const root = resolve(import.meta.dirname, '..');
const harness = resolve(root, 'bench/harness.html');
const COPY = '?bench-copy';
const NO_POLYFILL = '\0tandem-bench-no-polyfill';

function harnessOwnCopy(): Plugin {
  return {
    name: 'tandem-bench-harness-copy',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!importer) return null;
      const fromHarness = importer.startsWith(resolve(root, 'bench') + '/') || importer.endsWith(COPY);
      if (!fromHarness) return null;
      if (source === 'vite/modulepreload-polyfill') return NO_POLYFILL;
      if (source.includes('?') || !source.startsWith('.')) return null;
      const r = await this.resolve(source, importer.replace(COPY, ''), { skipSelf: true });
      if (!r || r.external || !r.id.startsWith(resolve(root, 'src') + '/')) return null;
      return r.id + COPY;
    },
    load(id) {
      return id === NO_POLYFILL ? '' : null;
    },
  };
}

export default mergeConfig(
  base,
  defineConfig({
    root,
    plugins: [harnessOwnCopy()],
    build: {
      outDir: process.env.TANDEM_OUT ?? 'dist-bench',
      emptyOutDir: true,
      rolldownOptions: { input: { index: resolve(root, 'index.html'), harness } },
    },
  }),
);
