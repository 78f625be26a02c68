import { useMemo } from 'react';
import type { MemorySample } from '../../engine/types';
import type { AppState } from '../../store/store';
import type { PaneId } from '../../store/types';
import { modelLabel } from '../../security/model-label';
import { formatBytes } from '../../ui/format';
import { ChartFigure, type LegendEntry, type TableSpec } from './chart-figure';
import { columns, fixed, niceCeil } from './chart-style';
import { CanvasChart } from './canvas-chart';
import { memoryOrigin, memoryRows, type MemoryRow } from './series';
import { usePaneLook } from './use-pane-look';
import { useSampled } from './use-sampled';

const readMemory = (s: AppState) =>
  [s.memory.a, s.memory.b, s.panes.a.model, s.panes.b.model, s.wasm.a, s.wasm.b] as const;

const PEAK_COLOR = '#8a8a8a';
const HEAP_COLOR = '#2e8b57';
const WASM_COLOR = '#7b4fc9';
const VRAM_COLOR = '#b03060';
const VRAM_DASH = '2 4';

function memoryTable(
  name: string,
  samples: readonly MemorySample[],
  vramMB: number | null,
  wasm: readonly { bytes: number }[],
): TableSpec {
  const last = samples.at(-1);
  return {
    caption: `${name} memory, latest values`,
    columns: [
      'Samples',
      'GPU live',
      'GPU peak',
      'GPU buffers',
      'Worker JS heap',
      'llama.cpp worker (WASM heap incl.)',
      'Published vram_required_MB',
    ],
    rows: [
      [
        samples.length,
        formatBytes(last?.gpuLiveBytes),
        formatBytes(last?.gpuPeakBytes),
        last?.gpuBuffers ?? '—',
        formatBytes(last?.jsHeapBytes),
        formatBytes(wasm.at(-1)?.bytes),
        vramMB === null ? '—' : `${fixed(vramMB, 0)} MB`,
      ],
    ],
  };
}

/**
 * GPU memory of one pane's worker over time (live and peak bytes in buffers the runtime created), its JS
 * heap where the browser reports it, and web-llm's published vram_required_MB for catalog models.
 */
export function MemoryChart({
  pane,
  publishedVramMB,
}: {
  pane: PaneId;
  publishedVramMB: (modelId: string) => number | null;
}) {
  const [ma, mb, modelA, modelB, wa, wb] = useSampled(readMemory);
  const look = usePaneLook();
  const wasm = pane === 'a' ? wa : wb;
  const samples = pane === 'a' ? ma : mb;
  const model = pane === 'a' ? modelA : modelB;
  const vramMB = model ? publishedVramMB(model.id) : null;
  const origin = memoryOrigin({ a: ma, b: mb });
  const rows = useMemo(() => memoryRows(samples, origin, wasm), [samples, origin, wasm]);
  // Both panes' charts share one time axis, from the earliest sample to the latest of either pane.
  const lastT = Math.max(ma.at(-1)?.t ?? origin, mb.at(-1)?.t ?? origin);
  const xMax = niceCeil((lastT - origin) / 1000);
  const cpuOnly = samples.length > 0 && samples.every((s) => s.gpuPeakBytes === 0);
  const lines: (LegendEntry & { key: keyof MemoryRow })[] = [
    { key: 'gpuLiveMiB', label: 'GPU live (MiB)', color: look.color[pane] },
    { key: 'gpuPeakMiB', label: 'GPU peak (MiB)', color: PEAK_COLOR, dash: '4 3' },
  ];
  if (samples.some((s) => s.jsHeapBytes !== null))
    lines.push({ key: 'jsHeapMiB', label: 'worker JS heap (MiB)', color: HEAP_COLOR });
  if (wasm.length > 0)
    lines.push({ key: 'wasmMiB', label: 'llama.cpp worker incl. WASM heap (MiB)', color: WASM_COLOR });
  // Memoized on the lines' keys as one string: `lines` is a new array every render.
  const keys = lines.map((l) => l.key).join();
  const { x, ys } = useMemo(() => columns(rows, 'tS', keys.split(',') as (keyof MemoryRow)[]), [rows, keys]);
  const legend: LegendEntry[] = [...lines];
  if (vramMB !== null)
    legend.push({ label: 'published vram_required_MB', color: VRAM_COLOR, dash: VRAM_DASH });
  return (
    <ChartFigure
      id={`memory-${pane}`}
      caption={`${look.name[pane]} memory over time${model && look.models ? ` · ${modelLabel(model.id, model.url)}` : ''}`}
      method={`GPU bytes in live buffers, counted in the worker by wrapping createBuffer/destroy (not the driver's total); JS heap from performance.memory in the worker; sampled on change and every ~2 s; llama.cpp's worker (its WebAssembly heap included) from performance.measureUserAgentSpecificMemory every ~10 s.${vramMB !== null ? " The reference line is web-llm's published vram_required_MB, drawn as given." : ''}${model?.engine === 'remote' ? ' This pane runs on a server: its GPU memory is on the server, not measurable here; the lines are this pane’s worker in the browser.' : cpuOnly ? ' No GPU buffers so far: this engine runs on the CPU.' : ''}`}
      legend={legend}
      table={memoryTable(look.name[pane], samples, vramMB, wasm)}
      empty={rows.length === 0 ? 'No memory samples yet: load a model.' : null}
    >
      <CanvasChart
        x={x}
        ys={ys}
        lines={lines.map((l) => ({ ...l, width: l.key === 'gpuLiveMiB' ? 2 : 1.5 }))}
        xMax={xMax}
        xTitle="time since first memory sample (s, worker clock)"
        yTitle="memory (MiB = 2²⁰ bytes)"
        unit="MiB"
        reference={
          vramMB === null
            ? null
            : { y: vramMB, color: VRAM_COLOR, dash: VRAM_DASH, label: `published ${fixed(vramMB, 0)} MB` }
        }
      />
    </ChartFigure>
  );
}
