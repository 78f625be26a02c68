/**
 * How the charts show each pane: its name, colour and dash. Out of blind mode pane A is blue and solid, pane
 * B orange and dashed; while blind the look follows the side (Model 1 blue, left) so it never tells which
 * pane — and so which of a link's models — a series is.
 */
import { useMemo } from 'react';
import type { PaneId } from '../../store/types';
import { useDisplayOrder, usePaneNames, useReveals } from '../../store/use-blind';
import { PANE_COLOR, PANE_DASH } from './chart-style';

export interface PaneLook {
  /** The panes in the order the page shows them. */
  order: readonly PaneId[];
  name: Record<PaneId, string>;
  color: Record<PaneId, string>;
  dash: Record<PaneId, string | undefined>;
  /** Whether the models may be named (false while blind). */
  models: boolean;
}

export function usePaneLook(): PaneLook {
  const order = useDisplayOrder();
  const name = usePaneNames();
  const models = useReveals('identity');
  return useMemo(() => {
    const slot = (p: PaneId): PaneId => (order[0] === p ? 'a' : 'b');
    return {
      order,
      name,
      color: { a: PANE_COLOR[slot('a')], b: PANE_COLOR[slot('b')] },
      dash: { a: PANE_DASH[slot('a')], b: PANE_DASH[slot('b')] },
      models,
    };
  }, [order, name, models]);
}
