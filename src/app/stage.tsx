/**
 * The comparison itself: the two panes side by side, filling the screen between the top bar and the
 * prompt. On a phone they become two tabs (Radix Tabs), so each pane gets the whole width.
 */
import * as Tabs from '@radix-ui/react-tabs';
import { useState } from 'react';
import { Pane } from '../features/compare/pane';
import { useStore } from '../store/store';
import { PANES, type PaneId } from '../store/types';
import { useMedia } from '../ui/use-media';

export const PHONE = '(max-width: 760px)';

function PaneTabLabel({ pane }: { pane: PaneId }) {
  const busy = useStore((s) => s.panes[pane].status === 'generating');
  return (
    <>
      Pane {pane.toUpperCase()}
      {busy ? <span className="dot" aria-label="answering" /> : null}
    </>
  );
}

export function Stage() {
  const ready = useStore((s) => s.restored && s.device !== null);
  const phone = useMedia(PHONE);
  const [shown, setShown] = useState<PaneId>('a');
  if (!ready)
    return (
      <main className="stage" aria-busy="true">
        <p className="stage-wait">Checking this device…</p>
      </main>
    );
  if (!phone)
    return (
      <main className="stage">
        <Pane pane="a" />
        <Pane pane="b" />
      </main>
    );
  return (
    <Tabs.Root value={shown} onValueChange={(v) => setShown(v as PaneId)} className="stage phone" asChild>
      <main>
        <Tabs.List className="tab-list pane-tabs" aria-label="Panes">
          {PANES.map((id) => (
            <Tabs.Trigger key={id} value={id} className={`tab pane-tab ${id}`}>
              <PaneTabLabel pane={id} />
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        {PANES.map((id) => (
          <Tabs.Content key={id} value={id} className="pane-slot" forceMount hidden={shown !== id}>
            <Pane pane={id} />
          </Tabs.Content>
        ))}
      </main>
    </Tabs.Root>
  );
}
