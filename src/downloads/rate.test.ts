import { describe, expect, it } from 'vitest';
import { createRateMeter, etaSeconds } from './rate';

describe('createRateMeter', () => {
  it('is null until enough time has passed, then bytes over the time covered', () => {
    const m = createRateMeter(0, 5000, 250);
    m.add(1000, 100);
    expect(m.rate(200)).toBeNull();
    m.add(1000, 500);
    expect(m.rate(1000)).toBe(2000); // 2000 B in the first second
  });

  it('forgets bytes older than the window, so a stall shows as a falling speed', () => {
    const m = createRateMeter(0, 2000);
    m.add(10_000, 500);
    expect(m.rate(1000)).toBe(10_000);
    expect(m.rate(2000)).toBe(5000);
    expect(m.rate(2600)).toBe(0);
  });
});

describe('etaSeconds', () => {
  it('is remaining ÷ speed, zero when nothing remains, null when the speed is unknown or zero', () => {
    expect(etaSeconds(5000, 1000)).toBe(5);
    expect(etaSeconds(0, null)).toBe(0);
    expect(etaSeconds(5000, null)).toBeNull();
    expect(etaSeconds(5000, 0)).toBeNull();
  });
});
