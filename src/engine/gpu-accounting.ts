/**
 * GPU memory as the runtime actually allocates it: wraps GPUDevice.createBuffer / GPUBuffer.destroy /
 * GPUDevice.destroy inside the worker before any runtime creates a device, and keeps live and peak bytes.
 * A destroyed or lost device frees its buffers without destroy() being called on each, so those are
 * released per device. Sizes are requested sizes (not driver residency); textures are not counted.
 * Imported first by the worker entry.
 */
import { createLedger, type LedgerSnapshot } from '../metrics/memory';

const ledger = createLedger();
const ids = new WeakMap<object, number>();
let nextId = 1;
const idOf = (o: object): number => {
  let id = ids.get(o);
  if (id === undefined) {
    id = nextId++;
    ids.set(o, id);
  }
  return id;
};
const watched = new WeakSet<GPUDevice>();
let listener: ((s: LedgerSnapshot) => void) | null = null;
let lostListener: ((info: { reason: string; message: string }) => void) | null = null;
const destroyedByCall = new WeakSet<GPUDevice>();

/** A device lost for a reason other than destroy() (driver reset, GPU process crash): web-llm only logs it. */
export function onDeviceLost(fn: (info: { reason: string; message: string }) => void): void {
  lostListener = fn;
}

export function onGpuMemory(fn: (s: LedgerSnapshot) => void): void {
  listener = fn;
}

export function gpuMemory(): LedgerSnapshot {
  return ledger.snapshot();
}

function changed(): void {
  listener?.(ledger.snapshot());
}

function watch(device: GPUDevice): void {
  if (watched.has(device)) return;
  watched.add(device);
  void device.lost.then((info) => {
    ledger.destroyDevice(idOf(device));
    changed();
    if (!destroyedByCall.has(device)) lostListener?.({ reason: info.reason, message: info.message });
  });
}

function install(): void {
  if (typeof GPUDevice === 'undefined' || typeof GPUBuffer === 'undefined') return;
  const proto = GPUDevice.prototype as GPUDevice & { __tandem?: boolean };
  if (proto.__tandem) return;
  proto.__tandem = true;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- re-bound with .call below
  const createBuffer = GPUDevice.prototype.createBuffer;
  GPUDevice.prototype.createBuffer = function (this: GPUDevice, desc: GPUBufferDescriptor): GPUBuffer {
    const buffer = createBuffer.call(this, desc);
    watch(this);
    ledger.create(idOf(this), idOf(buffer), desc.size);
    changed();
    return buffer;
  };
  // eslint-disable-next-line @typescript-eslint/unbound-method -- re-bound with .call below
  const destroyBuffer = GPUBuffer.prototype.destroy;
  GPUBuffer.prototype.destroy = function (this: GPUBuffer): undefined {
    ledger.destroy(idOf(this));
    changed();
    destroyBuffer.call(this);
  };
  // eslint-disable-next-line @typescript-eslint/unbound-method -- re-bound with .call below
  const destroyDevice = GPUDevice.prototype.destroy;
  GPUDevice.prototype.destroy = function (this: GPUDevice): undefined {
    destroyedByCall.add(this);
    ledger.destroyDevice(idOf(this));
    changed();
    destroyDevice.call(this);
  };
}

install();
