/** React hooks over store/blind-view.ts: what a pane is called and what the page may show about it. */
import { useCallback } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { displayOrder, modelName, paneName, paneRef, reveals, scrubText, slotOf } from './blind-view';
import { useStore } from './store';
import type { PaneId } from './types';

/** "Pane A", or "Model 1" while blind. */
export const usePaneName = (pane: PaneId): string => useStore((s) => paneName(s, pane));

/** Both panes' names at once (for tables and charts that show both). */
export const usePaneNames = (): Record<PaneId, string> =>
  useStore(useShallow((s) => ({ a: paneName(s, 'a'), b: paneName(s, 'b') })));

/** "pane A" inside a sentence, or "Model 1" while blind. */
export const usePaneRef = (pane: PaneId): string => useStore((s) => paneRef(s, pane));

/** The pane's model as the page may name it (null while blind, or with no model). */
export const useModelName = (pane: PaneId): string | null =>
  useStore((s) => modelName(s, s.panes[pane].model));

export const useBlindOn = (): boolean => useStore((s) => s.blind.on);

/** Whether identifying facts (names, sizes, memory) or speed figures may show now. */
export const useReveals = (what: 'identity' | 'speed'): boolean => useStore((s) => reveals(s, what));

/** The panes in the order the page shows them (Model 1 first while blind). */
export const useDisplayOrder = (): readonly PaneId[] => useStore(useShallow((s) => [...displayOrder(s)]));

/** 1 or 2: the pane's place on the page (its colour follows the place, not the pane, while blind). */
export const useSlot = (pane: PaneId): 1 | 2 =>
  useStore((s) => (s.blind.on ? slotOf(s, pane) : pane === 'a' ? 1 : 2));

/** Makes any text safe to show in blind mode (names of both models and pane letters replaced). */
export function useScrub(): (text: string) => string {
  const [blind, a, b, pickA, pickB, linkOffer] = useStore(
    useShallow(
      (s) => [s.blind, s.panes.a.model, s.panes.b.model, s.picks.a, s.picks.b, s.linkOffer] as const,
    ),
  );
  return useCallback(
    (text: string) =>
      scrubText(
        { blind, panes: { a: { model: a }, b: { model: b } }, picks: { a: pickA, b: pickB }, linkOffer },
        text,
      ),
    [blind, a, b, pickA, pickB, linkOffer],
  );
}
