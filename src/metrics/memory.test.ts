import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLedger } from './memory';

describe('createLedger', () => {
  it('starts empty', () => {
    expect(createLedger().snapshot()).toEqual({ liveBytes: 0, peakBytes: 0, liveBuffers: 0, devices: 0 });
  });

  it('tracks live and peak bytes across create and destroy', () => {
    const ledger = createLedger();
    ledger.create('gpu', 'a', 100);
    ledger.create('gpu', 'b', 50);
    ledger.destroy('a');
    expect(ledger.snapshot()).toEqual({ liveBytes: 50, peakBytes: 150, liveBuffers: 1, devices: 1 });
    ledger.create('gpu', 'c', 25);
    expect(ledger.snapshot()).toEqual({ liveBytes: 75, peakBytes: 150, liveBuffers: 2, devices: 1 });
  });

  it('ignores unknown keys and double destroys', () => {
    const ledger = createLedger();
    ledger.create(0, 1, 10);
    ledger.destroy(1);
    ledger.destroy(1);
    ledger.destroy('1');
    ledger.destroy('nope');
    expect(ledger.snapshot()).toEqual({ liveBytes: 0, peakBytes: 10, liveBuffers: 0, devices: 1 });
  });

  it('a destroyed or lost device frees only its own buffers', () => {
    const ledger = createLedger();
    ledger.create('d1', 'a', 100);
    ledger.create('d1', 'b', 200);
    ledger.create('d2', 'c', 40);
    ledger.destroyDevice('d1');
    expect(ledger.snapshot()).toEqual({ liveBytes: 40, peakBytes: 340, liveBuffers: 1, devices: 1 });
    ledger.destroy('a'); // destroying a buffer of a lost device afterwards changes nothing
    ledger.destroyDevice('d1');
    ledger.destroyDevice('unknown');
    expect(ledger.snapshot()).toEqual({ liveBytes: 40, peakBytes: 340, liveBuffers: 1, devices: 1 });
  });

  it('replaces a live buffer whose key is reused, and ignores invalid sizes', () => {
    const ledger = createLedger();
    ledger.create('d1', 'a', 100);
    ledger.create('d2', 'a', 30);
    for (const bad of [-1, 1.5, NaN, Infinity]) ledger.create('d1', 'x', bad);
    expect(ledger.snapshot()).toEqual({ liveBytes: 30, peakBytes: 100, liveBuffers: 1, devices: 2 });
    ledger.destroyDevice('d1');
    expect(ledger.snapshot().liveBytes).toBe(30);
  });

  it('liveBytes equals the sum of live buffers and never exceeds peakBytes', () => {
    const key = fc.constantFrom<string | number>('a', 'b', 'c', 1, 2, '1');
    const device = fc.constantFrom<string | number>('d1', 'd2', 0);
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('create' as const),
        device,
        key,
        bytes: fc.integer({ min: 0, max: 2 ** 40 }),
      }),
      fc.record({ kind: fc.constant('destroy' as const), key }),
      fc.record({ kind: fc.constant('destroyDevice' as const), device }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const ledger = createLedger();
        const model = new Map<string | number, { device: string | number; bytes: number }>();
        let maxSeen = 0;
        for (const o of ops) {
          if (o.kind === 'create') {
            ledger.create(o.device, o.key, o.bytes);
            model.set(o.key, { device: o.device, bytes: o.bytes });
          } else if (o.kind === 'destroy') {
            ledger.destroy(o.key);
            model.delete(o.key);
          } else {
            ledger.destroyDevice(o.device);
            for (const [k, v] of model) if (v.device === o.device) model.delete(k);
          }
          const sum = [...model.values()].reduce((s, v) => s + v.bytes, 0);
          maxSeen = Math.max(maxSeen, sum);
          const snap = ledger.snapshot();
          expect(snap.liveBytes).toBe(sum);
          expect(snap.liveBuffers).toBe(model.size);
          expect(snap.liveBytes).toBeLessThanOrEqual(snap.peakBytes);
          expect(snap.peakBytes).toBe(maxSeen);
        }
      }),
    );
  });
});
