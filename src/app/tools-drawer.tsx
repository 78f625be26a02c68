/**
 * Everything that is not the comparison itself, one click away and out of its way: settings, storage,
 * diagnostics and exports, in tabs of a side drawer (Radix Tabs for the keyboard and roles; the drawer is a
 * native modal dialog).
 */
import * as Tabs from '@radix-ui/react-tabs';
import { lazy, Suspense } from 'react';
import { SettingsPanel } from '../features/compare/settings-panel';
import { MeterCheck } from '../features/diagnostics/meter-check';
import { HiddenWhileBlind } from '../features/blind/hidden-while-blind';
import { ExportButtons } from '../features/export/export-buttons';
import { PageHeap } from '../features/telemetry/page-heap';
import { Dialog } from '../ui/dialog';

/** The storage panel reads caches and OPFS: it loads when its tab is first opened. */
const StoragePanel = lazy(() =>
  import('../features/storage/storage-panel').then((m) => ({ default: m.StoragePanel })),
);

export type ToolTab = 'settings' | 'storage' | 'diagnostics' | 'export';

const TABS: [ToolTab, string][] = [
  ['settings', 'Settings'],
  ['storage', 'Storage'],
  ['diagnostics', 'Diagnostics'],
  ['export', 'Export'],
];

export function ToolsDrawer({
  tab,
  onTab,
  onClose,
}: {
  tab: ToolTab | null;
  onTab: (t: ToolTab) => void;
  onClose: () => void;
}) {
  return (
    <Dialog open={tab !== null} onClose={onClose} title="Settings and tools" variant="drawer">
      <Tabs.Root value={tab ?? 'settings'} onValueChange={(v) => onTab(v as ToolTab)} className="tabs">
        <Tabs.List className="tab-list" aria-label="Settings and tools">
          {TABS.map(([id, label]) => (
            <Tabs.Trigger key={id} value={id} className="tab">
              {label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <Tabs.Content value="settings" className="tab-panel">
          <SettingsPanel />
        </Tabs.Content>
        <Tabs.Content value="storage" className="tab-panel">
          <HiddenWhileBlind what="Storage and downloaded models">
            <Suspense fallback={<p aria-busy="true">Reading storage…</p>}>
              <StoragePanel />
            </Suspense>
          </HiddenWhileBlind>
        </Tabs.Content>
        <Tabs.Content value="diagnostics" className="tab-panel">
          <MeterCheck />
          <PageHeap />
        </Tabs.Content>
        <Tabs.Content value="export" className="tab-panel">
          <HiddenWhileBlind what="Export">
            <ExportButtons />
          </HiddenWhileBlind>
        </Tabs.Content>
      </Tabs.Root>
    </Dialog>
  );
}
