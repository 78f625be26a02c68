import { lazy, Suspense, useEffect } from 'react';
import { stopAll } from '../controller/generate';
import { DeviceCheck } from '../features/device/device-check';
import { Pane } from '../features/compare/pane';
import { ComparisonTable } from '../features/comparison/comparison-table';
import { MeterCheck } from '../features/diagnostics/meter-check';
import { PromptBox } from '../features/compare/prompt-box';
import { SettingsPanel } from '../features/compare/settings-panel';
import { StoragePanel } from '../features/storage/storage-panel';
import { ExportButtons } from '../features/export/export-buttons';
import { findModel } from '../catalog/catalog';
import { PageHeap } from '../features/telemetry/page-heap';
import { TelemetryPanel } from '../features/telemetry/telemetry-panel';
import { useStore } from '../store/store';
import { useDisplayOrder } from '../store/use-blind';
import { BlindPanel } from '../features/blind/blind-panel';
import { HiddenWhileBlind } from '../features/blind/hidden-while-blind';
import { Announcer } from './announcer';
import { bootstrap } from './bootstrap';
import { CopyLink } from './copy-link';
import { LinkOffer } from '../features/share/link-offer';
import { SaveWarning } from './save-warning';
import { TabBanner } from './tab-banner';
import { Notices } from './notices';

/** The quality check loads after first paint (it is below the fold and brings its own libraries). */
const QualitySection = lazy(() => import('../features/quality/quality-section'));

export function App() {
  const ready = useStore((s) => s.restored && s.device !== null);
  const order = useDisplayOrder();
  useEffect(() => {
    void bootstrap();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') stopAll();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <main className="app">
      <header className="top">
        <div className="title-row">
          <h1>Tandem</h1>
          <CopyLink />
        </div>
        <p className="tagline">
          Two language models, one prompt, on your own device — with the numbers to compare them. Nothing
          leaves this browser.
        </p>
      </header>
      <TabBanner />
      <SaveWarning />
      <LinkOffer />
      <Notices />
      <DeviceCheck />
      {ready && (
        <div className="panes">
          {/* Model 1 on the left while blind (the pane keys keep each pane's DOM when sides are re-drawn). */}
          {order.map((p) => (
            <Pane key={p} pane={p} />
          ))}
        </div>
      )}
      <PromptBox />
      <BlindPanel />
      <TelemetryPanel publishedVramMB={(id) => findModel(id)?.vramMB ?? null}>
        <HiddenWhileBlind what="Export">
          <ExportButtons />
        </HiddenWhileBlind>
        <PageHeap />
      </TelemetryPanel>
      <SettingsPanel />
      <ComparisonTable />
      <Suspense fallback={null}>
        <QualitySection />
      </Suspense>
      <MeterCheck />
      <HiddenWhileBlind what="Storage and downloaded models">
        <StoragePanel />
      </HiddenWhileBlind>
      <Announcer />
    </main>
  );
}
