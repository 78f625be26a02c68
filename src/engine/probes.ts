/**
 * Diagnostics that run in an engine worker on request:
 * - a GPU memory-meter check: buffers of known sizes are created through the instrumented device and some
 *   destroyed, so the meter can be compared with the arithmetic;
 * - memory-bandwidth probes (GPU: buffer-to-buffer copies timed with onSubmittedWorkDone; CPU: typed-array
 *   copies) for the roofline. Each stays under about 2 s.
 */
import { bandwidthFromCopy } from '../metrics/roofline';
import { gpuMemory } from './gpu-accounting';
import type { BandwidthResult, MeterCheckResult } from './types';

async function device(): Promise<GPUDevice> {
  const adapter = await navigator.gpu.requestAdapter();
  if (!adapter) throw new Error('Unable to find a compatible GPU.');
  return adapter.requestDevice();
}

export async function checkGpuMeter(sizes: number[], destroyIdx: number[]): Promise<MeterCheckResult> {
  const dev = await device();
  const before = gpuMemory().liveBytes;
  const buffers = sizes.map((size) => dev.createBuffer({ size, usage: GPUBufferUsage.STORAGE }));
  buffers.forEach((b, i) => {
    if (destroyIdx.includes(i)) b.destroy();
  });
  const expected = sizes.filter((_, i) => !destroyIdx.includes(i)).reduce((a, b) => a + b, 0);
  const meterLiveBytes = gpuMemory().liveBytes - before;
  // Hold the rest briefly so the page's meter shows them, then free the device (and its buffers).
  setTimeout(() => dev.destroy(), 3000);
  return {
    createdBytes: sizes,
    destroyedBytes: sizes.filter((_, i) => destroyIdx.includes(i)),
    expectedLiveBytes: expected,
    meterLiveBytes,
  };
}

export async function gpuBandwidth(budgetMs = 1500): Promise<BandwidthResult> {
  const dev = await device();
  try {
    const size = Math.min(
      256 * 1024 * 1024,
      dev.limits.maxBufferSize,
      dev.limits.maxStorageBufferBindingSize,
    );
    const src = dev.createBuffer({ size, usage: GPUBufferUsage.COPY_SRC | GPUBufferUsage.STORAGE });
    const dst = dev.createBuffer({ size, usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.STORAGE });
    const copy = async (n: number): Promise<void> => {
      const enc = dev.createCommandEncoder();
      for (let i = 0; i < n; i++) enc.copyBufferToBuffer(src, 0, dst, 0, size);
      dev.queue.submit([enc.finish()]);
      await dev.queue.onSubmittedWorkDone();
    };
    await copy(1); // warm-up
    let copies = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < budgetMs) {
      await copy(2);
      copies += 2;
    }
    const seconds = (performance.now() - t0) / 1000;
    const bytesPerS = bandwidthFromCopy(size * copies, seconds) ?? 0;
    return { bytesPerS, seconds, method: `${copies} GPU buffer copies of ${size >> 20} MiB (read + write)` };
  } finally {
    dev.destroy();
  }
}

export function cpuBandwidth(budgetMs = 1000): BandwidthResult {
  const size = 64 * 1024 * 1024;
  const a = new Uint8Array(size).fill(1);
  const b = new Uint8Array(size);
  b.set(a); // warm-up, touches the pages
  let copies = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < budgetMs) {
    b.set(a);
    copies++;
  }
  const seconds = (performance.now() - t0) / 1000;
  return {
    bytesPerS: bandwidthFromCopy(size * copies, seconds) ?? 0,
    seconds,
    method: `${copies} CPU copies of 64 MiB (read + write)`,
  };
}
