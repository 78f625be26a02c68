import { describe, expect, it } from 'vitest';
import { fileName, fileUrl, libraryIsCached, manifestUrl, modelBaseUrl, treeListingFor } from './urls';

describe('modelBaseUrl (web-llm cleanModelUrl)', () => {
  it.each([
    ['https://huggingface.co/mlc-ai/X-MLC', 'https://huggingface.co/mlc-ai/X-MLC/resolve/main/'],
    ['https://huggingface.co/mlc-ai/X-MLC/', 'https://huggingface.co/mlc-ai/X-MLC/resolve/main/'],
    [
      'https://huggingface.co/mlc-ai/X-MLC/resolve/abc123',
      'https://huggingface.co/mlc-ai/X-MLC/resolve/abc123/',
    ],
    ['https://h.co/u/m/resolve/main/sub', 'https://h.co/u/m/resolve/main/sub/'],
    ['HTTPS://Example.ORG:443/a b', 'https://example.org/a%20b/resolve/main/'],
    [
      'http://127.0.0.1:4173/__fixtures__/mlc/Tiny',
      'http://127.0.0.1:4173/__fixtures__/mlc/Tiny/resolve/main/',
    ],
  ])('%s → %s', (input, want) => {
    expect(modelBaseUrl(input)).toBe(want);
    // A base is its own base: the storage panel passes bases back in.
    expect(modelBaseUrl(want)).toBe(want);
  });

  it('rejects a relative URL, as web-llm does', () => {
    expect(() => modelBaseUrl('/models/x')).toThrow(/absolute/);
  });

  it('derives the manifest and shard URLs relative to the base', () => {
    const base = modelBaseUrl('https://h.co/u/m');
    expect(manifestUrl(base)).toBe('https://h.co/u/m/resolve/main/tensor-cache.json');
    expect(fileUrl(base, 'params_shard_3.bin')).toBe('https://h.co/u/m/resolve/main/params_shard_3.bin');
  });
});

describe('treeListingFor', () => {
  it('asks Hugging Face for the repository at the revision (and folder) of the base', () => {
    expect(treeListingFor('https://huggingface.co/mlc-ai/X-MLC/resolve/main/', null)).toEqual({
      url: 'https://huggingface.co/api/models/mlc-ai/X-MLC/tree/main',
      root: 'https://huggingface.co/mlc-ai/X-MLC/resolve/main/',
    });
    expect(treeListingFor('https://huggingface.co/u/m/resolve/abc123/sub/', null)).toEqual({
      url: 'https://huggingface.co/api/models/u/m/tree/abc123/sub',
      root: 'https://huggingface.co/u/m/resolve/abc123/',
    });
  });
  it('asks the page’s own origin, and no other host', () => {
    const own = 'http://127.0.0.1:4173/__fixtures__/mlc/T/resolve/main/';
    expect(treeListingFor(own, 'http://127.0.0.1:4173')?.url).toBe(
      'http://127.0.0.1:4173/api/models/__fixtures__/mlc/T/tree/main',
    );
    expect(treeListingFor(own, 'https://tandem.example')).toBeNull();
    expect(treeListingFor('https://cdn-lfs.hf.co/u/m/resolve/main/', null)).toBeNull();
    expect(treeListingFor('https://huggingface.co/u/m/', null)).toBeNull();
    expect(treeListingFor('not a url', null)).toBeNull();
  });
});

describe('small rules', () => {
  it('knows which model libraries web-llm caches', () => {
    expect(libraryIsCached('https://raw.githubusercontent.com/x/lib.wasm')).toBe(true);
    expect(libraryIsCached('http://localhost:8000/lib.wasm')).toBe(false);
    expect(libraryIsCached('/lib.wasm')).toBe(false);
  });
  it('names a file by its decoded last segment', () => {
    expect(fileName('https://h/a/b%20c.wasm?x=1')).toBe('b c.wasm');
    expect(fileName('https://h/a/%E0%A4%A.bin')).toBe('%E0%A4%A.bin');
  });
});
