/**
 * Starts React on the page (main.tsx loads this module once the prerendered shell is on screen). The first
 * render replaces the shell with the same first screen, now live; the app then fills it in.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { AppBoundary } from './crash-screen';

export function start(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <AppBoundary>
        <App />
      </AppBoundary>
    </StrictMode>,
  );
}
