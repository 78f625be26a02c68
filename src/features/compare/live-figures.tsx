/**
 * A pane's headline figures, big enough to read at a glance: time to first token and decode rate of the
 * last reply (the decode rate live while a reply streams: tokens in the last second, worker timestamps),
 * each with its unit and, on hover and for screen readers, its method. Read on an interval while a reply
 * streams, never per token.
 */
import { useEffect, useState } from 'react';
import { turnFigures } from '../../metrics/figures';
import { rollingDecodeRate } from '../../metrics/turn';
import { useStore } from '../../store/store';
import type { PaneId } from '../../store/types';
import { usePaneName, useReveals } from '../../store/use-blind';
import { formatBytes, formatMs, formatRate } from '../../ui/format';

const LIVE_MS = 500;

const TTFT_METHOD = 'Request start to the first token, both timestamped in the engine worker (last reply).';
const DECODE_METHOD =
  'Tokens after the first ÷ time from the first token to the last, worker timestamps (last reply); while a reply streams: tokens in the last second.';

/** The last finished reply's figures in this pane (a new object only when a reply is committed). */
function useLastTurn(pane: PaneId) {
  const turn = useStore((s) => s.panes[pane].messages.findLast((m) => m.turn !== undefined));
  return turn?.turn ? turnFigures({ ...turn.turn, ...(turn.status ? { status: turn.status } : {}) }) : null;
}

/** Tokens per second over the last second of the streaming reply, re-read twice a second; null when idle. */
function useLiveRate(pane: PaneId): number | null {
  const streaming = useStore((s) => s.panes[pane].status === 'generating');
  const [rate, setRate] = useState<number | null>(null);
  useEffect(() => {
    if (!streaming) return;
    const tick = (): void => {
      const d = useStore.getState().panes[pane].draft;
      const last = d?.tokenTimes.at(-1);
      setRate(d && last !== undefined ? rollingDecodeRate(d.tokenTimes, Math.max(last, Date.now())) : null);
    };
    const id = setInterval(tick, LIVE_MS);
    return () => {
      clearInterval(id);
      setRate(null);
    };
  }, [pane, streaming]);
  return streaming ? rate : null;
}

/** The pane's memory, as the engine it runs on lets us measure it. */
function MemoryFigure({ pane }: { pane: PaneId }) {
  const engine = useStore((s) => s.panes[pane].model?.engine);
  const gpu = useStore((s) => s.memory[pane].at(-1)?.gpuLiveBytes ?? null);
  const wasm = useStore((s) => s.wasm[pane].at(-1)?.bytes ?? null);
  const [label, value, method] =
    engine === 'remote'
      ? ['GPU memory', 'on the server', 'A server pane’s memory is on the server: not measurable from here.']
      : engine === 'llamacpp'
        ? [
            'Memory (CPU)',
            formatBytes(wasm),
            'llama.cpp’s worker, WebAssembly heap included (performance.measureUserAgentSpecificMemory).',
          ]
        : [
            'GPU memory',
            formatBytes(gpu),
            'WebGPU buffers live in this pane’s engine worker (createBuffer/destroy counted there).',
          ];
  return (
    <div className="figure" title={method}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

export function LiveFigures({ pane }: { pane: PaneId }) {
  const last = useLastTurn(pane);
  const live = useLiveRate(pane);
  const remote = useStore((s) => s.panes[pane].model?.engine === 'remote');
  const note = remote ? ' Measured in this browser: includes the network.' : '';
  const name = usePaneName(pane);
  // While blind: memory tells the models apart (never shown), speed only if "hide speed figures too".
  const speed = useReveals('speed');
  const identity = useReveals('identity');
  if (!speed && !identity) return null;
  return (
    <dl className="figures" aria-label={`${name} figures`}>
      {speed && (
        <>
          <div className="figure" title={TTFT_METHOD + note}>
            <dt>Time to first token</dt>
            <dd>{formatMs(last?.ttftMs)}</dd>
          </div>
          <div className="figure" title={DECODE_METHOD + note}>
            <dt>{live !== null ? 'Decode, live' : 'Decode'}</dt>
            <dd>{formatRate(live ?? last?.decodeTokensPerS)}</dd>
          </div>
        </>
      )}
      {identity && <MemoryFigure pane={pane} />}
    </dl>
  );
}
