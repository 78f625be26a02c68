/**
 * What this device offers, read from WebGPU directly (web-llm's own helpers each create a GPUDevice
 * and never destroy it, so the page asks the adapter itself).
 */
export interface DeviceReport {
  webgpu: boolean;
  adapter: boolean;
  vendor: string;
  architecture: string;
  description: string;
  f16: boolean;
  maxBufferSize: number | null;
  maxStorageBufferBindingSize: number | null;
  storageQuota: number | null;
  storageUsage: number | null;
  cores: number;
}

export async function probeDevice(): Promise<DeviceReport> {
  const report: DeviceReport = {
    webgpu: typeof navigator !== 'undefined' && 'gpu' in navigator && !!navigator.gpu,
    adapter: false,
    vendor: '',
    architecture: '',
    description: '',
    f16: false,
    maxBufferSize: null,
    maxStorageBufferBindingSize: null,
    storageQuota: null,
    storageUsage: null,
    cores: typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 1 : 1,
  };
  try {
    const est = await navigator.storage?.estimate?.();
    report.storageQuota = est?.quota ?? null;
    report.storageUsage = est?.usage ?? null;
  } catch {
    /* storage estimate is optional */
  }
  if (!report.webgpu) return report;
  try {
    const adapter = await navigator.gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return report;
    report.adapter = true;
    report.f16 = adapter.features.has('shader-f16');
    report.maxBufferSize = adapter.limits.maxBufferSize;
    report.maxStorageBufferBindingSize = adapter.limits.maxStorageBufferBindingSize;
    const info = adapter.info;
    report.vendor = info.vendor;
    report.architecture = info.architecture;
    report.description = info.description;
  } catch {
    /* a throwing requestAdapter means no usable adapter */
  }
  return report;
}
