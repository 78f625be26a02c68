/**
 * Will this pair fit? WebGPU does not reveal GPU memory, so the verdict weighs what is known: web-llm's
 * published vram_required_MB (its maintainers call it optimistic, so a margin is added), the RAM the browser
 * admits to (navigator.deviceMemory, capped at 8 GB), the adapter's buffer limits and free storage.
 */
import type { DeviceReport } from '../../device/probe';

export const VRAM_MARGIN = 1.2;

export interface PairModel {
  id: string;
  vramMB: number | null;
  /** Estimated download size in bytes, when known. */
  downloadBytes: number | null;
  needsF16: boolean;
  bufferSizeRequired: number | null;
}

export type Level = 'ok' | 'uncertain' | 'unlikely';

export interface Verdict {
  level: Level;
  needMB: number | null;
  downloadBytes: number | null;
  freeBytes: number | null;
  reasons: string[];
}

const GB = 1024;

export function pairVerdict(
  device: DeviceReport,
  models: PairModel[],
  deviceMemoryGB: number | null,
): Verdict {
  const reasons: string[] = [];
  let level: Level = 'ok';
  const worse = (l: Level): void => {
    if (l === 'unlikely' || (l === 'uncertain' && level === 'ok')) level = l;
  };
  if (!device.webgpu || !device.adapter) {
    return {
      level: 'unlikely',
      needMB: null,
      downloadBytes: null,
      freeBytes: null,
      reasons: ['No usable WebGPU adapter: web-llm models cannot run here.'],
    };
  }
  for (const m of models) {
    if (m.needsF16 && !device.f16) {
      worse('unlikely');
      reasons.push(`${m.id} needs shader-f16, which this GPU lacks: use its q4f32_1 build.`);
    }
    if (
      m.bufferSizeRequired !== null &&
      device.maxStorageBufferBindingSize !== null &&
      m.bufferSizeRequired > device.maxStorageBufferBindingSize
    ) {
      worse('unlikely');
      reasons.push(`${m.id} needs larger GPU buffers than this adapter allows.`);
    }
  }
  const known = models.every((m) => m.vramMB !== null);
  const needMB = known ? models.reduce((s, m) => s + (m.vramMB ?? 0), 0) * VRAM_MARGIN : null;
  if (needMB !== null) {
    if (deviceMemoryGB !== null && needMB > deviceMemoryGB * GB * 1.5 && deviceMemoryGB < 8) {
      worse('unlikely');
      reasons.push(
        `Needs about ${(needMB / GB).toFixed(1)} GB of GPU memory; this device reports only ${deviceMemoryGB} GB of RAM.`,
      );
    } else if (needMB > 4 * GB) {
      worse('uncertain');
      reasons.push(
        `Needs about ${(needMB / GB).toFixed(1)} GB of GPU memory (published figures + ${Math.round((VRAM_MARGIN - 1) * 100)}%). ` +
          'Browsers do not reveal GPU memory: fine on a GPU with that much free, too much for many laptops.',
      );
    }
  }
  const downloadBytes = models.every((m) => m.downloadBytes !== null)
    ? models.reduce((s, m) => s + (m.downloadBytes ?? 0), 0)
    : null;
  const freeBytes =
    device.storageQuota !== null && device.storageUsage !== null
      ? device.storageQuota - device.storageUsage
      : null;
  if (downloadBytes !== null && freeBytes !== null && freeBytes < downloadBytes * 1.1) {
    worse('unlikely');
    reasons.push('Not enough free browser storage for the download.');
  }
  if (/swiftshader/i.test(`${device.description} ${device.architecture} ${device.vendor}`)) {
    worse('uncertain');
    reasons.push(
      'This WebGPU adapter is SwiftShader, a software renderer on the CPU: models will run, very slowly.',
    );
  }
  return { level, needMB, downloadBytes, freeBytes, reasons };
}
