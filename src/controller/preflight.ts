/**
 * Checks a web-llm model against this device before anything is downloaded: the same checks web-llm
 * makes only after fetching the model library, made up front so a user never waits for a doomed download.
 * Returns an error in the runtime's own vocabulary (so it is explained like one), or null.
 */
import type { ModelSpec, SerializedError } from '../engine/types';
import type { DeviceReport } from '../device/probe';
import { describeModel, findModel } from '../catalog/catalog';

export function preflight(spec: ModelSpec, device: DeviceReport | null): SerializedError | null {
  if (spec.engine !== 'webllm' || !device) return null;
  if (!device.webgpu)
    return { name: 'WebGPUNotAvailableError', message: 'navigator.gpu is not available in this browser.' };
  if (!device.adapter)
    return { name: 'Error', message: 'Unable to find a compatible GPU (requestAdapter returned null).' };
  const entry = findModel(spec.id);
  if (!entry) return null;
  const f = describeModel(entry);
  if (f.needsF16 && !device.f16)
    return {
      name: 'ShaderF16SupportError',
      message: `${spec.id} needs the WebGPU feature shader-f16, which this GPU lacks.`,
    };
  const limit = device.maxStorageBufferBindingSize;
  if (entry.bufferSizeRequired !== null && limit !== null && entry.bufferSizeRequired > limit)
    return {
      name: 'Error',
      message: `${spec.id} requires maxStorageBufferBindingSize ${entry.bufferSizeRequired}, this adapter allows ${limit}.`,
    };
  return null;
}

/** The same model in q4f32_1, when web-llm ships it (for GPUs without shader-f16). */
export function f32Variant(id: string): string | null {
  const alt = id.replace(/q(\d)f16_(\d)/, 'q$1f32_$2').replace(/q0f16/, 'q0f32');
  return alt !== id && findModel(alt) ? alt : null;
}
