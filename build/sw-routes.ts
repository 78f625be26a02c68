/**
 * Requests to any other origin skip the service worker altogether, through the Service Worker Static
 * Routing API (Chrome/Edge 123+): model downloads from Hugging Face and GitHub, the MMLU rows, inference
 * servers. Without it the browser would start the service worker for each of them only to hear that it
 * does not answer them — time that would land in a remote pane's time to first token. Browsers without
 * the API just take the slower way (the service worker does not answer those requests either).
 *
 * `sameOriginOnly` runs inside the service worker: build/pwa.ts emits its source as sw-routes.js, which the
 * generated service worker imports first. It must use nothing but its argument and the worker's globals.
 */

interface RouterRule {
  condition: { not: { urlPattern: URLPattern } };
  source: 'network';
}

interface InstallEventWithRoutes extends Event {
  waitUntil(promise: Promise<unknown>): void;
  addRoutes?: (rules: RouterRule[]) => Promise<void>;
}

interface WorkerScope {
  location: { protocol: string; hostname: string; port: string };
  addEventListener(type: 'install', listener: (event: Event) => void): void;
}

export function sameOriginOnly(scope: WorkerScope): void {
  scope.addEventListener('install', (event) => {
    const install = event as InstallEventWithRoutes;
    if (typeof install.addRoutes !== 'function' || typeof URLPattern !== 'function') return;
    const { protocol, hostname, port } = scope.location;
    const here = new URLPattern({ protocol: protocol.slice(0, -1), hostname, port });
    // A browser that cannot take the rule installs the service worker all the same.
    install.waitUntil(
      install
        .addRoutes([{ condition: { not: { urlPattern: here } }, source: 'network' }])
        .catch(() => undefined),
    );
  });
}

export const SW_ROUTES_FILE = 'sw-routes.js';

export const swRoutesSource = `(${sameOriginOnly.toString()})(self);\n`;
