import { afterEach, describe, expect, it, vi } from 'vitest';
import { idleDownload, useDownloadStore } from '../downloads/download-store';
import type { DownloadOptions, DownloadResult } from '../downloads/downloader';
import { cancelDownload, downloadModel, downloadUrlFor } from './download';

/** downloadWeights, scripted: each call waits until the test settles it. */
const calls: { url: string; opts: DownloadOptions; settle: (e?: Error) => void }[] = [];
vi.mock('../downloads/downloader', () => ({
  downloadWeights: (url: string, opts: DownloadOptions) =>
    new Promise<DownloadResult>((resolve, reject) => {
      opts.signal?.addEventListener('abort', () => {
        reject(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
      });
      calls.push({
        url,
        opts,
        settle: (e) =>
          e
            ? reject(e)
            : resolve({
                baseUrl: url,
                total: 1,
                shardsTotal: 1,
                shardsSkipped: 0,
                bytesFetched: 1,
                hashes: 'published',
                files: [],
              }),
      });
    }),
}));

const custom = {
  engine: 'webllm' as const,
  id: 'custom:T',
  url: 'https://h.example/u/T',
  modelLib: 'https://h/t.wasm',
};
const pane = (): ReturnType<typeof useDownloadStore.getState>['panes']['a'] =>
  useDownloadStore.getState().panes.a;
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  calls.length = 0;
  useDownloadStore.setState({ panes: { a: idleDownload, b: idleDownload } });
});

describe('downloadUrlFor', () => {
  it('uses a custom model’s own URL, the catalog’s for a prebuilt id, and nothing for GGUF', () => {
    expect(downloadUrlFor(custom)).toBe('https://h.example/u/T');
    expect(downloadUrlFor({ engine: 'webllm', id: 'Llama-3.2-1B-Instruct-q4f32_1-MLC' })).toBe(
      'https://huggingface.co/mlc-ai/Llama-3.2-1B-Instruct-q4f32_1-MLC',
    );
    expect(downloadUrlFor({ engine: 'webllm', id: 'no-such-model' })).toBeNull();
    expect(downloadUrlFor({ engine: 'llamacpp', id: 'gguf:x', url: 'https://h/x.gguf' })).toBeNull();
  });
});

describe('downloadModel', () => {
  it('runs, reports progress, and ends done', async () => {
    const run = downloadModel('a', custom);
    expect(pane()).toMatchObject({ status: 'running', modelUrl: custom.url, error: null });
    const p = {
      phase: 'downloading',
      loaded: 1,
      total: 2,
      shardsDone: 0,
      shardsTotal: 1,
      bytesPerS: null,
      etaS: null,
      hashes: null,
    };
    calls[0]?.opts.onProgress?.({ ...p, phase: 'downloading' });
    expect(pane().progress?.loaded).toBe(1);
    calls[0]?.settle();
    await run;
    expect(pane().status).toBe('done');
  });

  it('turns a cancel into "cancelled" and a failure into its named error', async () => {
    const run = downloadModel('a', custom);
    cancelDownload('a');
    await run;
    expect(pane().status).toBe('cancelled');
    const again = downloadModel('a', custom);
    calls[1]?.settle(Object.assign(new Error('gone'), { name: 'NotFoundError' }));
    await again;
    expect(pane()).toMatchObject({ status: 'error', error: { name: 'NotFoundError', message: 'gone' } });
  });

  it('lets a newer download replace an older one, whose end then changes nothing', async () => {
    const first = downloadModel('a', custom);
    const second = downloadModel('a', custom);
    await first;
    await tick();
    expect(pane().status).toBe('running');
    calls[1]?.settle();
    await second;
    expect(pane().status).toBe('done');
  });
});
