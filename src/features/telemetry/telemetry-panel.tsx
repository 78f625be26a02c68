/**
 * The "Telemetry" region: live throughput, per-turn history and memory charts. The charts (and uPlot)
 * are fetched only when this panel first renders, so they cost the entry bundle nothing.
 */
import { Component, lazy, Suspense, type ReactNode } from 'react';

const Charts = lazy(() => import('./charts'));

class LoadFailure extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? (
      <p role="alert">The charts could not be loaded. Reload the page to try again.</p>
    ) : (
      this.props.children
    );
  }
}

export function TelemetryPanel({
  publishedVramMB,
  children,
}: {
  /** web-llm's published vram_required_MB for a model id, or null when it has none (e.g. a GGUF). */
  publishedVramMB: (modelId: string) => number | null;
  /** Extra controls shown under the heading (e.g. export buttons). */
  children?: ReactNode;
}) {
  return (
    <section className="telemetry" aria-labelledby="telemetry-heading">
      <h2 id="telemetry-heading">Telemetry</h2>
      {children}
      <LoadFailure>
        <Suspense fallback={<p aria-busy="true">Loading charts…</p>}>
          <Charts publishedVramMB={publishedVramMB} />
        </Suspense>
      </LoadFailure>
    </section>
  );
}
