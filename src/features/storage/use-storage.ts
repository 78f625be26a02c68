/**
 * The panel's state: the inventory, re-read on mount, whenever a pane starts or finishes loading, when
 * persistence changes, and after every action. Results of an older read never overwrite a newer one.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store/store';
import { PANES } from '../../store/types';
import { knownModels, readInventory, type Inventory } from './inventory';
import { onStorageChange } from '../../downloads/persistence';

export interface StorageState {
  inventory: Inventory | null;
  /** The action running now, e.g. "Deleting Llama-3.2-1B-Instruct-q4f32_1-MLC". */
  busy: string | null;
  /** A pane is loading a model: deleting now would race its download. */
  loading: boolean;
  /** The outcome of the last action, for the status line. */
  outcome: string;
  run: (label: string, action: () => Promise<string>) => Promise<void>;
  refresh: () => Promise<void>;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function useStorage(): StorageState {
  const specs = useStore(
    useShallow((s) => [s.picks.a, s.picks.b, s.panes.a.model, s.panes.b.model] as const),
  );
  const loading = useStore((s) => PANES.some((id) => s.panes[id].status === 'loading'));
  const known = useMemo(() => knownModels(specs), [specs]);
  const [inventory, setInventory] = useState<Inventory | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState('');
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const ticket = ++latest.current;
    const next = await readInventory(known);
    if (ticket === latest.current) setInventory(next);
  }, [known]);

  useEffect(() => {
    void refresh();
  }, [refresh, loading]);
  useEffect(() => onStorageChange(() => void refresh()), [refresh]);

  const run = useCallback(
    async (label: string, action: () => Promise<string>) => {
      setBusy(label);
      setOutcome(`${label}…`);
      try {
        setOutcome(await action());
      } catch (e) {
        setOutcome(`${label} failed: ${describe(e)}`);
      } finally {
        setBusy(null);
        await refresh();
      }
    },
    [refresh],
  );

  return { inventory, busy, loading, outcome, run, refresh };
}
