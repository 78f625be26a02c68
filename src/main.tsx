// First: the Trusted Types policy must exist before any other module runs.
import './security/trusted-types';
import './styles.css';
import { applySavedTheme } from './ui/theme';

applySavedTheme();

/**
 * The entry is this file only. index.html already shows the first screen (the shell, prerendered by
 * build/prerender-shell.ts), so the browser paints it before React and the app are even fetched; they come
 * next, in their own chunks, and take over the shell. If their code cannot be fetched, the shell says so.
 */
function notLoaded(root: HTMLElement): void {
  const alert = document.createElement('p');
  alert.setAttribute('role', 'alert');
  alert.className = 'notice';
  alert.textContent = 'Tandem’s code could not be loaded (offline, or the site was updated meanwhile). ';
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = 'Reload';
  reload.addEventListener('click', () => location.reload());
  alert.append(reload);
  (root.querySelector('.banners') ?? root).append(alert);
}

/** Resolves with the load event (at once if it has fired). */
const loaded = (): Promise<void> =>
  new Promise((resolve) => {
    if (document.readyState === 'complete') resolve();
    else window.addEventListener('load', () => resolve(), { once: true });
  });

/** Longest the app waits for the shell's first paint to be reported (a tab opened in the background paints late). */
const PAINT_WAIT_MS = 1000;

/** Resolves once the shell is on screen (first contentful paint reported), or after PAINT_WAIT_MS. */
const painted = (): Promise<void> =>
  new Promise((resolve) => {
    let observer: PerformanceObserver | null = null;
    const done = (): void => {
      clearTimeout(timer);
      observer?.disconnect();
      resolve();
    };
    const timer = setTimeout(done, PAINT_WAIT_MS);
    if (!PerformanceObserver.supportedEntryTypes.includes('paint')) return;
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length) done();
    });
    observer.observe({ type: 'paint', buffered: true });
  });

/**
 * The app's code is fetched once the shell is painted and the page has loaded: its evaluation (React and
 * the app, ~130 KB gzip) then neither delays the first paint nor the load event.
 */
const root = document.getElementById('root');
if (root)
  void Promise.all([loaded(), painted()])
    .then(() => import('./app/root'))
    .then(
      (m) => m.start(root),
      () => notLoaded(root),
    );
