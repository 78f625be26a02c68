import { lazy, Suspense, useEffect, useState } from 'react';
import { findModel } from '../catalog/catalog';
import { stopAll } from '../controller/generate';
import { PromptBox } from '../features/compare/prompt-box';
import { ComparisonTable } from '../features/comparison/comparison-table';
import { LinkOffer } from '../features/share/link-offer';
import { TelemetryPanel } from '../features/telemetry/telemetry-panel';
import { BlindPanel } from '../features/blind/blind-panel';
import { useBlindOn } from '../store/use-blind';
import { Announcer } from './announcer';
import { bootstrap } from './bootstrap';
import { Notices } from './notices';
import { OfflineSupport } from '../features/offline/offline-support';
import { SaveWarning } from './save-warning';
import { Stage } from './stage';
import { TabBanner } from './tab-banner';
import { ToolsDrawer, type ToolTab } from './tools-drawer';
import { TopBar } from './top-bar';

/** The quality check loads after first paint (it is below the fold and brings its own libraries). */
const QualitySection = lazy(() => import('../features/quality/quality-section'));

/**
 * The first screen is the comparison: top bar, the two panes with their live figures, and the prompt. Below
 * it, the live charts, the comparison table and the quality check; everything else is in the tools drawer.
 */
export function App() {
  const [tools, setTools] = useState<ToolTab | null>(null);
  const blind = useBlindOn();
  useEffect(() => {
    void bootstrap();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') stopAll();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="app">
      <div className="first-screen">
        <TopBar onTools={setTools} />
        <div className="banners">
          <TabBanner />
          <SaveWarning />
          <LinkOffer />
          <Notices />
          <OfflineSupport />
        </div>
        <Stage />
        <PromptBox />
        {/* While blind, the votes sit under the prompt; otherwise the switch and the tally wait below. */}
        {blind && <BlindPanel />}
      </div>
      <div className="below">
        {!blind && <BlindPanel />}
        <TelemetryPanel publishedVramMB={(id) => findModel(id)?.vramMB ?? null} />
        <ComparisonTable />
        <Suspense fallback={null}>
          <QualitySection />
        </Suspense>
      </div>
      <ToolsDrawer tab={tools} onTab={setTools} onClose={() => setTools(null)} />
      <Announcer />
    </div>
  );
}
