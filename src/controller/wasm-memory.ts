/**
 * llama.cpp's WebAssembly heap lives in its own worker, out of reach; the browser can still measure it:
 * performance.measureUserAgentSpecificMemory() (Chromium, cross-origin-isolated pages only) attributes
 * memory to each worker scope, and the engine tells us which scope is its llama.cpp worker. Polled slowly:
 * one measurement can take seconds.
 */
import { bytesForScopes, type MemoryBreakdown } from '../metrics/attribution';
import { useStore } from '../store/store';
import { PANES } from '../store/types';

type Measure = () => Promise<MemoryBreakdown>;

export const WASM_POLL_MS = 10_000;

function measurer(): Measure | null {
  const p = performance as Performance & { measureUserAgentSpecificMemory?: Measure };
  return typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated && p.measureUserAgentSpecificMemory
    ? p.measureUserAgentSpecificMemory.bind(performance)
    : null;
}

export async function sampleWasmMemory(): Promise<void> {
  const measure = measurer();
  const { panes, pushWasm } = useStore.getState();
  const scoped = PANES.filter((id) => panes[id].status !== 'empty' && panes[id].info?.memoryScopes?.length);
  if (!measure || scoped.length === 0) return;
  const result = await measure();
  const t = Date.now();
  for (const id of scoped) {
    const bytes = bytesForScopes(result, useStore.getState().panes[id].info?.memoryScopes ?? []);
    if (bytes !== null) pushWasm(id, { t, bytes });
  }
}

export function startWasmMemoryPolling(): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void sampleWasmMemory()
      .catch(() => undefined)
      .finally(() => {
        busy = false;
      });
  }, WASM_POLL_MS);
  return () => clearInterval(timer);
}
