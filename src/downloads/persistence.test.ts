import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  forgetPersistenceRequest,
  onStorageChange,
  requestPersistenceAfterFirstDownload,
} from './persistence';

function fakeBrowser(grant: boolean) {
  const state = { persisted: false, asks: 0 };
  const items = new Map<string, string>();
  vi.stubGlobal('navigator', {
    storage: {
      persisted: () => Promise.resolve(state.persisted),
      persist: () => {
        state.asks++;
        state.persisted = grant;
        return Promise.resolve(grant);
      },
    },
  });
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  });
  return state;
}

describe('requestPersistenceAfterFirstDownload', () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it('asks once, reports the result and tells listeners', async () => {
    const state = fakeBrowser(true);
    const heard = vi.fn();
    const stop = onStorageChange(heard);
    expect(await requestPersistenceAfterFirstDownload()).toBe(true);
    expect(await requestPersistenceAfterFirstDownload()).toBe(true);
    expect(state.asks).toBe(1);
    expect(heard).toHaveBeenCalledTimes(1);
    stop();
  });

  it('does not ask again after a refusal, until everything is deleted', async () => {
    const state = fakeBrowser(false);
    expect(await requestPersistenceAfterFirstDownload()).toBe(false);
    expect(await requestPersistenceAfterFirstDownload()).toBe(false);
    expect(state.asks).toBe(1);
    forgetPersistenceRequest();
    await requestPersistenceAfterFirstDownload();
    expect(state.asks).toBe(2);
  });

  it('is a no-op where the browser has no storage manager', async () => {
    vi.stubGlobal('navigator', {});
    expect(await requestPersistenceAfterFirstDownload()).toBeNull();
  });
});
