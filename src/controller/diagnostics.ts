/** On-request diagnostics, each in a throw-away engine worker so no pane is disturbed. */
import { EngineClient } from '../engine/client';
import type { MeterCheckResult } from '../engine/types';
import { useStore } from '../store/store';

async function withTempEngine<T>(fn: (c: EngineClient) => Promise<T>): Promise<T> {
  const c = new EngineClient();
  try {
    return await fn(c);
  } finally {
    c.terminate();
  }
}

const MiB = 1024 * 1024;

/** Creates 64, 32 and 16 MiB buffers through the instrumented device, destroys the 32 MiB one, reads the meter. */
export function verifyGpuMeter(): Promise<MeterCheckResult> {
  return withTempEngine((c) => c.checkGpuMeter([64 * MiB, 32 * MiB, 16 * MiB], [1]));
}

export async function measureBandwidth(): Promise<void> {
  const { device } = useStore.getState();
  const gpu = device?.adapter ? await withTempEngine((c) => c.bandwidth('gpu')).catch(() => null) : null;
  const cpu = await withTempEngine((c) => c.bandwidth('cpu')).catch(() => null);
  useStore.setState({ bandwidth: { gpu, cpu } });
}
