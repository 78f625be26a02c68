import { useEffect, useState } from 'react';
import { formatBytes } from '../../ui/format';

type PerfWithMemory = Performance & { memory?: { usedJSHeapSize: number; jsHeapSizeLimit: number } };

/** The page's own JavaScript heap, where the browser exposes it (Chromium's performance.memory). */
export function PageHeap() {
  const read = (): number | null => (performance as PerfWithMemory).memory?.usedJSHeapSize ?? null;
  const [bytes, setBytes] = useState<number | null>(read);
  useEffect(() => {
    const id = setInterval(() => setBytes(read()), 2000);
    return () => clearInterval(id);
  }, []);
  if (bytes === null) return null;
  return (
    <p className="method" aria-label="Page JS heap">
      This tab&apos;s main-thread JS heap: {formatBytes(bytes)} (performance.memory, Chromium only, coarse)
    </p>
  );
}
