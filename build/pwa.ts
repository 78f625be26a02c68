/**
 * The Progressive Web App: a web app manifest with icons rendered from public/favicon.svg at build time
 * (@vite-pwa/assets-generator), and a Workbox service worker (vite-plugin-pwa, generateSW) that precaches
 * the app shell and every chunk the app can load later — the Markdown renderer, the charts, the quality
 * check, the engine worker, web-llm's runtime and llama.cpp's WebAssembly — so that a model already in
 * this browser loads and runs with no network at all.
 *
 * What the service worker never touches (it does not answer those requests; they go to the network as if
 * it were not there):
 * - model weights: web-llm keeps them in its own Cache Storage and llama.cpp (wllama) in OPFS, so storing
 *   them again here would only double their size; the test models under /__fixtures__/ likewise;
 * - anything on another origin: Hugging Face and GitHub downloads, the MMLU questions (datasets-server),
 *   inference servers of remote panes (which are never this origin: it serves no API);
 * - navigations to anything but the app's page itself.
 *
 * Where the browser can, requests to other origins do not even reach it (build/sw-routes.ts).
 *
 * Precached responses keep the headers they were fetched with (COOP, COEP, the CSP: build/csp.ts), so a
 * page served by the service worker offline is cross-origin isolated under the same policy as online.
 *
 * Updates: `registerType: 'prompt'` — a new version waits until the visitor agrees to reload
 * (src/features/offline/).
 */
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin, PluginOption } from 'vite';
import { SW_ROUTES_FILE, swRoutesSource } from './sw-routes.ts';

/** The largest file precached: llama.cpp's WebAssembly (~10 MB) and web-llm's runtime (~6 MB) fit. */
const MAX_PRECACHED_BYTES = 32 * 1024 * 1024;

/** The only navigations the service worker answers (with the cached page): the app's page, any query. */
export const APP_PAGE = /^\/(?:index\.html)?(?:\?.*)?$/;

export const THEME_COLOR = '#3b6fd8';

/** Emits the service worker's static routes (build/sw-routes.ts) next to it. */
function swRoutes(): Plugin {
  return {
    name: 'tandem-sw-routes',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: SW_ROUTES_FILE, source: swRoutesSource });
    },
  };
}

export function pwa(): PluginOption {
  return [
    swRoutes(),
    VitePWA({
      registerType: 'prompt',
      // src/features/offline/register.ts registers it, after the page has loaded.
      injectRegister: false,
      strategies: 'generateSW',
      pwaAssets: {
        image: 'public/favicon.svg',
        preset: 'minimal-2023',
        overrideManifestIcons: true,
      },
      manifest: {
        name: 'Tandem',
        short_name: 'Tandem',
        description:
          'Two quantized language models, one prompt, side by side in your browser — with the numbers to compare them.',
        id: '/',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: THEME_COLOR,
        background_color: '#ffffff',
        categories: ['developer', 'education', 'utilities'],
      },
      workbox: {
        // (The manifest is added by the plugin itself.)
        globPatterns: ['**/*.{html,js,css,wasm,svg,png,ico}'],
        maximumFileSizeToCacheInBytes: MAX_PRECACHED_BYTES,
        navigateFallback: 'index.html',
        navigateFallbackAllowlist: [APP_PAGE],
        // Nothing is cached at run time: only the precache above, so no other request is ever answered.
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        // The first install takes the open page at once, so its later lazy chunks come from the cache too.
        // An update never does by itself: it waits for the visitor (skipWaiting on their word only).
        clientsClaim: true,
        skipWaiting: false,
        sourcemap: false,
        // Other origins skip the service worker altogether where the browser can (build/sw-routes.ts).
        importScripts: [SW_ROUTES_FILE],
      },
    }),
  ];
}
