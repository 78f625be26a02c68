import { describe, expect, it } from 'vitest';
import type { UiSample } from './cold-probe';
import { uiAtFirstPaint } from './cold-load';

const frame = (at: number, complete: boolean, regions = complete ? 2 : 0): UiSample => ({
  at,
  heading: true,
  regions,
  textbox: true,
  complete,
});

describe('uiAtFirstPaint', () => {
  it('takes the last frame sampled before the paint as what the paint showed', () => {
    const frames = [frame(100, false), frame(180, false), frame(260, true)];
    expect(uiAtFirstPaint(frames, 200)).toEqual({ atFcp: false, fcpFrame: frames[1], completeAtMs: 260 });
    expect(uiAtFirstPaint(frames, 300)).toEqual({ atFcp: true, fcpFrame: frames[2], completeAtMs: 260 });
  });
  it('says no when there was no paint, or no frame before it', () => {
    expect(uiAtFirstPaint([frame(100, true)], null).atFcp).toBe(false);
    expect(uiAtFirstPaint([frame(100, true)], 50)).toEqual({
      atFcp: false,
      fcpFrame: null,
      completeAtMs: 100,
    });
    expect(uiAtFirstPaint([], 50)).toEqual({ atFcp: false, fcpFrame: null, completeAtMs: null });
  });
});
