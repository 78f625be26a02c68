/**
 * A ledger of GPU buffer allocations: pure bookkeeping, fed by whoever wraps createBuffer / destroy.
 * Keys are compared with SameValueZero (Map semantics), so 1 and '1' are different keys.
 */

export type LedgerKey = string | number;

export interface LedgerSnapshot {
  /** Bytes in live buffers. */
  liveBytes: number;
  /** The largest liveBytes ever reached. */
  peakBytes: number;
  /** Number of live buffers. */
  liveBuffers: number;
  /** Devices that have had a buffer created on them and have not been destroyed since. */
  devices: number;
}

export interface Ledger {
  /**
   * Records a buffer of `bytes` on a device. Reusing the key of a live buffer replaces it (the old one
   * is freed first). Ignored unless bytes is a non-negative safe integer (GPU buffer sizes are).
   */
  create: (deviceKey: LedgerKey, bufferKey: LedgerKey, bytes: number) => void;
  /** Frees a buffer. Unknown keys and double destroys are no-ops. */
  destroy: (bufferKey: LedgerKey) => void;
  /**
   * Frees every live buffer of a device: a destroyed or lost device releases its memory without
   * destroy() being called on each buffer. The key may be reused afterwards for a new device.
   */
  destroyDevice: (deviceKey: LedgerKey) => void;
  snapshot: () => LedgerSnapshot;
}

interface Entry {
  deviceKey: LedgerKey;
  bytes: number;
}

export function createLedger(): Ledger {
  const buffers = new Map<LedgerKey, Entry>();
  const byDevice = new Map<LedgerKey, Set<LedgerKey>>();
  // Running total; exact as long as it stays below 2^53 bytes.
  let liveBytes = 0;
  let peakBytes = 0;

  const destroy = (bufferKey: LedgerKey) => {
    const entry = buffers.get(bufferKey);
    if (entry === undefined) return;
    buffers.delete(bufferKey);
    byDevice.get(entry.deviceKey)?.delete(bufferKey);
    liveBytes -= entry.bytes;
  };

  const create = (deviceKey: LedgerKey, bufferKey: LedgerKey, bytes: number) => {
    if (!Number.isSafeInteger(bytes) || bytes < 0) return;
    destroy(bufferKey);
    let keys = byDevice.get(deviceKey);
    if (keys === undefined) {
      keys = new Set();
      byDevice.set(deviceKey, keys);
    }
    keys.add(bufferKey);
    buffers.set(bufferKey, { deviceKey, bytes });
    liveBytes += bytes;
    peakBytes = Math.max(peakBytes, liveBytes);
  };

  const destroyDevice = (deviceKey: LedgerKey) => {
    const keys = byDevice.get(deviceKey);
    if (keys === undefined) return;
    for (const bufferKey of [...keys]) destroy(bufferKey);
    byDevice.delete(deviceKey);
  };

  const snapshot = (): LedgerSnapshot => ({
    liveBytes,
    peakBytes,
    liveBuffers: buffers.size,
    devices: byDevice.size,
  });

  return { create, destroy, destroyDevice, snapshot };
}
