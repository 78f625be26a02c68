import { describe, expect, it } from 'vitest';
import { describeModel, estimateDownloadBytes, findModel } from './catalog';
import { downloadSize, webllmDownloadUrl } from './download-size';

const WEBLLM = 'Llama-3.2-3B-Instruct-q4f16_1-MLC';

describe('downloadSize', () => {
  it('a GGUF: the bytes fetched, exact; none before its first fetch', () => {
    const gguf = { engine: 'llamacpp', id: 'gguf:http://x/m.gguf', url: 'http://x/m.gguf' } as const;
    expect(downloadSize(gguf, 1_900_000, null)).toEqual({ bytes: 1_900_000, exact: true });
    expect(downloadSize(gguf, null, null)).toEqual({ bytes: null, exact: false });
  });

  it('a web-llm model: the manifest total once read, else the catalog estimate, marked as one', () => {
    const spec = { engine: 'webllm', id: WEBLLM } as const;
    expect(downloadSize(spec, 123, 1_750_000_000)).toEqual({ bytes: 1_750_000_000, exact: true });
    const entry = findModel(WEBLLM);
    if (!entry) throw new Error('catalog lost the default model');
    const estimate = estimateDownloadBytes(describeModel(entry));
    expect(estimate).toBeGreaterThan(1e9);
    expect(downloadSize(spec, null, null)).toEqual({ bytes: estimate, exact: false });
  });

  it('a server pane, or none: nothing to download', () => {
    expect(downloadSize(null, 5, 5)).toEqual({ bytes: null, exact: false });
    const remote = { engine: 'remote', id: 'remote:m', url: 'http://s/v1' } as const;
    expect(downloadSize(remote, 5, 5)).toEqual({ bytes: null, exact: false });
  });

  it('where web-llm weights come from: the spec’s URL, else the catalog’s repository', () => {
    expect(webllmDownloadUrl({ engine: 'webllm', id: WEBLLM })).toBe(findModel(WEBLLM)?.model);
    expect(webllmDownloadUrl({ engine: 'webllm', id: 'custom:x', url: 'http://r/x' })).toBe('http://r/x');
    expect(webllmDownloadUrl({ engine: 'llamacpp', id: 'gguf:u', url: 'u' })).toBeNull();
  });
});
