/** Every chart (and uPlot, which draws them), loaded on demand by TelemetryPanel (kept out of the entry bundle). */
import { useEffect, useRef, useState } from 'react';
import { useReveals } from '../../store/use-blind';
import { HistoryChart } from './history-chart';
import { MemoryChart } from './memory-chart';
import { ThroughputChart } from './throughput-chart';
import { SamplingActive } from './use-sampled';
import './telemetry.css';

export default function Charts({ publishedVramMB }: { publishedVramMB: (modelId: string) => number | null }) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(true);
  const identity = useReveals('identity');
  const speed = useReveals('speed');
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
        {speed && <ThroughputChart />}
        {speed && <HistoryChart />}
        {/* Memory is the model's size (and the reference line its published figure): not while blind. */}
        {identity && <MemoryChart pane="a" publishedVramMB={publishedVramMB} />}
        {identity && <MemoryChart pane="b" publishedVramMB={publishedVramMB} />}
      </div>
      {!identity && (
        <p className="note">
          Blind: memory charts are hidden (memory tells the models apart)
          {speed ? '.' : ', and so are the speed charts, as you asked.'}
        </p>
      )}
    </SamplingActive.Provider>
  );
}
