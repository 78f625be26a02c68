/**
 * React hooks over a pane's measured figures, for every view that shows them (the pane's header and the
 * presentation mode): the last finished reply's figures (metrics/figures.ts) and the live decode rate while
 * a reply streams, re-read on an interval, never per token. The method of each figure in words, too.
 */
import { useEffect, useState } from 'react';
import { downloadSize, webllmDownloadUrl, type DownloadSize } from '../catalog/download-size';
import { useDownloadStore, type DownloadState } from '../downloads/download-store';
import type { ModelSpec } from '../engine/types';
import type { TurnFigures } from '../metrics/figures';
import { rollingDecodeRate } from '../metrics/turn';
import { useStore } from './store';
import { formatBytes } from '../ui/format';
import { everyStep } from '../lib/page-grid';
import { replyFigures } from './transcript';
import type { PaneId } from './types';

const LIVE_MS = 500;

export const TTFT_METHOD =
  'Request start to the first token, both timestamped in the engine worker (last reply).';
export const DECODE_METHOD =
  'Tokens after the first ÷ time from the first token to the last, worker timestamps (last reply); while a reply streams: tokens in the last second.';

/** The last finished reply's figures in this pane (a new object only when a reply is committed). */
export function useLastTurn(pane: PaneId): TurnFigures | null {
  const turn = useStore((s) => s.panes[pane].messages.findLast((m) => m.turn !== undefined));
  return replyFigures(turn);
}

/** Tokens per second over the last second of the streaming reply, re-read twice a second; null when idle. */
export function useLiveRate(pane: PaneId): number | null {
  const streaming = useStore((s) => s.panes[pane].status === 'generating');
  const [rate, setRate] = useState<number | null>(null);
  useEffect(() => {
    if (!streaming) return;
    const tick = (): void => {
      const d = useStore.getState().panes[pane].draft;
      const last = d?.tokenTimes.at(-1);
      setRate(d && last !== undefined ? rollingDecodeRate(d.tokenTimes, Math.max(last, Date.now())) : null);
    };
    // On the page's time grid: redrawn in the same frame as the streaming text (lib/page-grid).
    const stop = everyStep(LIVE_MS, tick);
    return () => {
      stop();
      setRate(null);
    };
  }, [pane, streaming]);
  return streaming ? rate : null;
}

/** The pane's memory now, as the engine it runs on lets us measure it: label, value with its unit, method. */
export function usePaneMemory(pane: PaneId): { label: string; value: string; method: string } {
  const engine = useStore((s) => s.panes[pane].model?.engine);
  const gpu = useStore((s) => s.memory[pane].at(-1)?.gpuLiveBytes ?? null);
  const wasm = useStore((s) => s.wasm[pane].at(-1)?.bytes ?? null);
  if (engine === 'remote')
    return {
      label: 'GPU memory',
      value: 'on the server',
      method: 'A server pane’s memory is on the server: not measurable from here.',
    };
  if (engine === 'llamacpp')
    return {
      label: 'Memory (CPU)',
      value: formatBytes(wasm),
      method: 'llama.cpp’s worker, WebAssembly heap included (performance.measureUserAgentSpecificMemory).',
    };
  return {
    label: 'GPU memory',
    value: formatBytes(gpu),
    method: 'WebGPU buffers live in this pane’s engine worker (createBuffer/destroy counted there).',
  };
}

/** The exact weight bytes of a pane's web-llm model, once a download in this session read its manifest. */
export function manifestTotal(d: DownloadState, pane: PaneId, model: ModelSpec | null): number | null {
  const url = model ? webllmDownloadUrl(model) : null;
  const p = d.panes[pane];
  return url !== null && p.modelUrl === url && p.progress && p.progress.total > 0 ? p.progress.total : null;
}

/** The pane's download size (exact once known, else the catalog's estimate): the same rule as the table's. */
export function usePaneDownloadSize(pane: PaneId): DownloadSize {
  const model = useStore((s) => s.panes[pane].model);
  const fetched = useStore((s) => s.panes[pane].progress?.total ?? null);
  const manifest = useDownloadStore((d) => manifestTotal(d, pane, model));
  return downloadSize(model, fetched, manifest);
}
