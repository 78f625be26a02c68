import type { DeviceReport } from '../features/device/probe';
import { formatBytes } from '../ui/format';

export function DeviceSummary({ device }: { device: DeviceReport | null }) {
  if (!device) return <p className="device">Checking this device…</p>;
  if (!device.webgpu)
    return (
      <p className="device" role="status">
        This browser has no WebGPU, so web-llm models cannot run here. Use the llama.cpp (CPU) engine: add a
        GGUF model by URL.
      </p>
    );
  if (!device.adapter)
    return (
      <p className="device" role="status">
        WebGPU is present but no GPU adapter is available (blocklisted GPU or old driver). The llama.cpp (CPU)
        engine still works.
      </p>
    );
  return (
    <p className="device" role="status" aria-label="Device">
      GPU: {device.description || device.vendor || 'unknown'}
      {device.architecture ? ` (${device.architecture})` : ''} · shader-f16: {device.f16 ? 'yes' : 'no'} · max
      buffer {formatBytes(device.maxBufferSize)} · max storage binding{' '}
      {formatBytes(device.maxStorageBufferBindingSize)}
    </p>
  );
}
