/**
 * Light, dark, or whatever the system prefers. The choice lives in localStorage (a tiny, non-personal
 * preference) and is applied to <html data-theme> before the first render, so the page never flashes.
 */
import { useSyncExternalStore } from 'react';

export type Theme = 'system' | 'light' | 'dark';
const KEY = 'tandem-theme';
const THEMES: readonly Theme[] = ['system', 'light', 'dark'];
const listeners = new Set<() => void>();

function read(): Theme {
  try {
    const v = localStorage.getItem(KEY);
    return THEMES.includes(v as Theme) ? (v as Theme) : 'system';
  } catch {
    return 'system';
  }
}

let current: Theme = typeof window === 'undefined' ? 'system' : read();

function apply(t: Theme): void {
  if (typeof document === 'undefined') return;
  if (t === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = t;
}

/** Call once, before the first render. */
export function applySavedTheme(): void {
  apply(current);
}

export function setTheme(t: Theme): void {
  current = t;
  try {
    if (t === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, t);
  } catch {
    /* private mode: the choice lasts for this page */
  }
  apply(t);
  listeners.forEach((l) => l());
}

/** The next theme in the cycle system → light → dark → system. */
export const nextTheme = (t: Theme): Theme => THEMES[(THEMES.indexOf(t) + 1) % THEMES.length] ?? 'system';

export function useTheme(): Theme {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
    () => 'system',
  );
}
