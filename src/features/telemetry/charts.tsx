/** Everything that needs recharts, loaded on demand by TelemetryPanel (kept out of the entry bundle). */
import { HistoryChart } from './history-chart';
import { MemoryChart } from './memory-chart';
import { ThroughputChart } from './throughput-chart';
import './telemetry.css';

export default function Charts({ publishedVramMB }: { publishedVramMB: (modelId: string) => number | null }) {
  return (
    <div className="telemetry-grid">
      <ThroughputChart />
      <HistoryChart />
      <MemoryChart pane="a" publishedVramMB={publishedVramMB} />
      <MemoryChart pane="b" publishedVramMB={publishedVramMB} />
    </div>
  );
}
