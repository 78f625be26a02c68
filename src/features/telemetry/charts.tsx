/** Everything that needs recharts, loaded on demand by TelemetryPanel (kept out of the entry bundle). */
import { useEffect, useRef, useState } from 'react';
import { HistoryChart } from './history-chart';
import { MemoryChart } from './memory-chart';
import { ThroughputChart } from './throughput-chart';
import { SamplingActive } from './use-sampled';
import './telemetry.css';

export default function Charts({ publishedVramMB }: { publishedVramMB: (modelId: string) => number | null }) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => setVisible(entries.some((e) => e.isIntersecting)));
    io.observe(el);
    return () => io.disconnect();
  }, []);
  return (
    <SamplingActive.Provider value={visible}>
      <div className="telemetry-grid" ref={ref}>
        <ThroughputChart />
        <HistoryChart />
        <MemoryChart pane="a" publishedVramMB={publishedVramMB} />
        <MemoryChart pane="b" publishedVramMB={publishedVramMB} />
      </div>
    </SamplingActive.Provider>
  );
}
