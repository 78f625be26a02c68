/**
 * The comparison itself: the two panes side by side, filling the screen between the top bar and the
 * prompt. On a phone they become two tabs (Radix Tabs), so each pane gets the whole width.
 */
import * as Tabs from '@radix-ui/react-tabs';
import { useState } from 'react';
import { Pane } from '../features/compare/pane';
import { useStore } from '../store/store';
import type { PaneId } from '../store/types';
import { useDisplayOrder, usePaneName } from '../store/use-blind';
import { useMedia } from '../ui/use-media';
import { PaneShell } from './shell';

export const PHONE = '(max-width: 760px)';

function PaneTabLabel({ pane }: { pane: PaneId }) {
  const busy = useStore((s) => s.panes[pane].status === 'generating');
  const name = usePaneName(pane);
  return (
    <>
      {name}
      {busy ? <span className="dot" aria-label="answering" /> : null}
    </>
  );
}

export function Stage() {
  const ready = useStore((s) => s.restored && s.device !== null);
  const phone = useMedia(PHONE);
  const [shown, setShown] = useState<PaneId>('a');
  // Model 1 first while blind; the keys keep each pane's DOM when the sides are drawn again.
  const order = useDisplayOrder();
  if (!ready)
    return (
      // The panes' frames as the shell painted them, until the device probe and the restore are done.
      <main className="stage" aria-busy="true">
        <PaneShell label="Pane A" badge="A" tone="a" />
        <PaneShell label="Pane B" badge="B" tone="b" />
      </main>
    );
  if (!phone)
    return (
      <main className="stage">
        {order.map((id) => (
          <Pane key={id} pane={id} />
        ))}
      </main>
    );
  return (
    <Tabs.Root value={shown} onValueChange={(v) => setShown(v as PaneId)} className="stage phone" asChild>
      <main>
        <Tabs.List className="tab-list pane-tabs" aria-label="Panes">
          {order.map((id, i) => (
            // The colour follows the place (Model 1 is always the first colour while blind).
            <Tabs.Trigger key={id} value={id} className={`tab pane-tab ${i === 0 ? 'a' : 'b'}`}>
              <PaneTabLabel pane={id} />
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        {order.map((id) => (
          <Tabs.Content key={id} value={id} className="pane-slot" forceMount hidden={shown !== id}>
            <Pane pane={id} />
          </Tabs.Content>
        ))}
      </main>
    </Tabs.Root>
  );
}
