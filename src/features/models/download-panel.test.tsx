// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { idleDownload, useDownloadStore } from '../../downloads/download-store';
import { useStore } from '../../store/store';
import { DownloadPanel } from './download-panel';

const URL_ = 'https://hf.example/u/Tiny-MLC';
const spec = {
  engine: 'webllm' as const,
  id: 'custom:Tiny-MLC',
  url: URL_,
  modelLib: 'https://hf.example/t.wasm',
};
const progress = {
  phase: 'downloading' as const,
  loaded: 3 * 1024 ** 2,
  total: 12 * 1024 ** 2,
  shardsDone: 1,
  shardsTotal: 4,
  bytesPerS: 1.5 * 1024 ** 2,
  etaS: 6,
  hashes: 'published' as const,
};

afterEach(() => {
  cleanup();
  useStore.getState().setPick('a', null);
  useDownloadStore.setState({ panes: { a: idleDownload, b: idleDownload } });
});

/** The pane shows both parts: the way to start a download, and a download's progress or outcome. */
const Both = () => (
  <>
    <DownloadPanel pane="a" part="start" />
    <DownloadPanel pane="a" part="status" />
  </>
);

describe('DownloadPanel', () => {
  it('shows nothing for a GGUF pick and offers the download for a web-llm pick', () => {
    useStore.getState().setPick('a', { engine: 'llamacpp', id: 'gguf:x', url: 'https://h/x.gguf' });
    const { rerender } = render(<Both />);
    expect(screen.queryByRole('button')).toBeNull();
    act(() => useStore.getState().setPick('a', spec));
    rerender(<Both />);
    expect(screen.getByRole('button', { name: 'Download model for pane A' })).toBeTruthy();
  });

  it('shows bytes, percent, speed, ETA and shards while running, with a Cancel button', () => {
    useStore.getState().setPick('a', spec);
    useDownloadStore.getState().patch('a', { status: 'running', modelUrl: URL_, progress });
    render(<Both />);
    const bar = screen.getByRole('progressbar', { name: 'Pane A download progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect(bar.getAttribute('aria-valuetext')).toBe('25%, 3,145,728 of 12,582,912 bytes');
    expect(screen.getByText(/^Downloading/).textContent).toBe(
      'Downloading · 3.0 MB / 12.0 MB · 25% · 1.5 MB/s · ETA 6 s · shards 1/4',
    );
    expect(screen.getByRole('button', { name: 'Cancel download for pane A' })).toBeTruthy();
    expect(screen.getByText(/checked against the SHA-256 Hugging Face publishes/)).toBeTruthy();
  });

  it('says when shards can be checked by size only, and shows a repair’s report when done', () => {
    useStore.getState().setPick('a', spec);
    const sizeOnly = { ...progress, hashes: 'unavailable' as const };
    useDownloadStore.getState().patch('a', { status: 'running', modelUrl: URL_, progress: sizeOnly });
    const { rerender } = render(<Both />);
    expect(screen.getByText(/No SHA-256 is published .* checked by size only/)).toBeTruthy();
    const report = '1 of 6 files was damaged and was fetched again (params_shard_1.bin).';
    act(() => useDownloadStore.getState().patch('a', { status: 'done', report }));
    rerender(<Both />);
    expect(screen.getByRole('status').textContent).toBe(report);
  });

  it('offers Repair after an integrity failure, and only then', () => {
    useStore.getState().setPick('a', spec);
    const error = { name: 'IntegrityError', message: 'params_shard_1.bin: SHA-256 is 0123…' };
    useDownloadStore.getState().patch('a', { status: 'error', modelUrl: URL_, progress, error });
    const { rerender } = render(<Both />);
    const alert = screen.getByRole('alert', { name: 'Pane A download error' });
    expect(alert.textContent).toContain('A downloaded file does not match what was expected.');
    expect(screen.getByRole('button', { name: 'Repair model files for pane A' })).toBeTruthy();
    const network = { name: 'NetworkError', message: 'gave up' };
    act(() => useDownloadStore.getState().patch('a', { error: network }));
    rerender(<Both />);
    expect(screen.queryByRole('button', { name: 'Repair model files for pane A' })).toBeNull();
  });

  it('explains a failure and offers a retry; a download of another model does not show', () => {
    useStore.getState().setPick('a', spec);
    const error = { name: 'NotFoundError', message: 'tensor-cache.json was not found (HTTP 404) at …' };
    useDownloadStore.getState().patch('a', { status: 'error', modelUrl: URL_, progress, error });
    const { rerender } = render(<Both />);
    expect(screen.getByRole('alert', { name: 'Pane A download error' }).textContent).toContain('Not found');
    expect(screen.getByRole('button', { name: 'Retry download for pane A' })).toBeTruthy();
    act(() => useStore.getState().setPick('a', { ...spec, url: 'https://hf.example/u/Other-MLC' }));
    rerender(<Both />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('button', { name: 'Download model for pane A' })).toBeTruthy();
  });
});
