/**
 * Registers the service worker (build/pwa.ts) once the page has loaded, out of the way of first paint,
 * and turns its life cycle into the update notice's state. The browser looks for a new version whenever
 * the page is opened; an open page also asks every hour, and when the network comes back.
 */
import { registerSW } from 'virtual:pwa-register';
import { onNewVersionInControl } from './update-flow';
import { getUpdateState, setUpdateState } from './update-state';

const CHECK_EVERY_MS = 60 * 60 * 1000;

function keepChecking(registration: ServiceWorkerRegistration): void {
  const check = (): void => {
    if (navigator.onLine && !registration.installing)
      // Offline, or the server is gone: the next check tries again.
      registration.update().catch(() => undefined);
  };
  setInterval(check, CHECK_EVERY_MS);
  window.addEventListener('online', check);
}

/**
 * A new version took control of this page (the visitor's yes here, or in another tab). The first
 * install taking an uncontrolled page (clientsClaim) is no new version. Watched here rather than through
 * workbox-window's "controlling", whose `isUpdate` stays false when the update comes in the same visit as
 * the first install.
 */
function watchControl(): void {
  let controlled = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // (A page that was not controlled, e.g. after a hard reload, is taken when the version it asked for starts.)
    if (controlled || getUpdateState().phase === 'requested') onNewVersionInControl();
    controlled = true;
  });
}

let registered = false;

export function registerServiceWorker(): void {
  if (registered || !('serviceWorker' in navigator)) return;
  registered = true;
  watchControl();
  const activate = registerSW({
    onOfflineReady: () => {
      if (getUpdateState().phase === 'none') setUpdateState({ phase: 'offline-ready' });
    },
    onNeedRefresh: () => setUpdateState({ phase: 'waiting' }),
    // The plugin's own reload on a change of control is replaced by watchControl's, which asks first.
    onNeedReload: () => undefined,
    onRegisteredSW: (_url, registration) => {
      if (registration) keepChecking(registration);
    },
    onRegisterError: (error: unknown) => {
      // The app runs as before, only not offline: nothing the visitor must act on.
      console.warn('Tandem could not install its service worker; it will not open offline.', error);
    },
  });
  setUpdateState({ activate: () => activate(true) });
}
