import { useStore } from '../../store/store';
import type { PaneId } from '../../store/types';
import { formatBytes } from '../../ui/format';

/** The pane's latest memory figures, as measured inside its engine worker. */
export function MemoryLine({ pane }: { pane: PaneId }) {
  const last = useStore((s) => s.memory[pane].at(-1));
  const wasm = useStore((s) => s.wasm[pane].at(-1));
  const engine = useStore((s) => s.panes[pane].model?.engine);
  if (engine === 'remote')
    return (
      <p className="memory-line" role="note" aria-label={`Pane ${pane.toUpperCase()} memory`}>
        GPU memory: on the server <span className="method">(not measurable from this browser)</span>
      </p>
    );
  if (!last) return null;
  // llama.cpp runs on the CPU here: its memory is the worker's, not the GPU's.
  const showGpu = engine !== 'llamacpp' || last.gpuPeakBytes > 0;
  return (
    <p className="memory-line" role="note" aria-label={`Pane ${pane.toUpperCase()} memory`}>
      {showGpu && (
        <>
          GPU memory: <span data-testid="gpu-live">{formatBytes(last.gpuLiveBytes)}</span> live,{' '}
          {formatBytes(last.gpuPeakBytes)} peak, {last.gpuBuffers} buffers
          <span className="method"> (WebGPU buffers this pane&apos;s worker allocated) · </span>
        </>
      )}
      {last.jsHeapBytes !== null && <>Engine worker JS heap {formatBytes(last.jsHeapBytes)}</>}
      {wasm && (
        <>
          {' '}
          · llama.cpp worker <span data-testid="wasm-bytes">{formatBytes(wasm.bytes)}</span>
          <span className="method"> (incl. WebAssembly heap; measureUserAgentSpecificMemory)</span>
        </>
      )}
    </p>
  );
}
