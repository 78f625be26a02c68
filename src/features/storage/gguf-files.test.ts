import { describe, expect, it } from 'vitest';
import { groupWllamaFiles, parseWllamaMetadata, type OpfsFile, type WllamaMetadata } from './gguf-files';

const H = 'a'.repeat(40);
const h = (n: number): string => String(n).repeat(40).slice(0, 40);
const meta = (
  originalURL: string,
  originalSize: number,
  extra: Partial<WllamaMetadata> = {},
): WllamaMetadata => ({
  originalURL,
  originalSize,
  ...extra,
});

function run(files: [string, number][], metadata: [string, WllamaMetadata | null][]) {
  const all: OpfsFile[] = files.map(([name, size]) => ({ name, size }));
  for (const [name] of metadata) all.push({ name: `__metadata__${name}`, size: 80 });
  return groupWllamaFiles(all, new Map(metadata));
}

describe('parseWllamaMetadata', () => {
  it('reads what wllama writes and nothing else', () => {
    expect(parseWllamaMetadata('{"originalURL":"https://x/m.gguf","originalSize":9,"etag":"e"}')).toEqual({
      originalURL: 'https://x/m.gguf',
      originalSize: 9,
    });
    expect(parseWllamaMetadata('{"originalURL":"u","originalSize":"9"}')).toBeNull();
    expect(parseWllamaMetadata('not json')).toBeNull();
  });
});

describe('groupWllamaFiles', () => {
  it('lists a downloaded file by its URL name with its size', () => {
    const url = 'http://127.0.0.1:4173/__fixtures__/story.gguf';
    const [g, ...rest] = run([[`${H}_story.gguf`, 4096]], [[`${H}_story.gguf`, meta(url, 4096)]]);
    expect(rest).toEqual([]);
    expect(g).toMatchObject({
      name: 'story.gguf',
      url,
      size: 4096,
      health: { state: 'complete' },
      parts: 'GGUF file',
    });
    expect(g?.files.map((f) => f.name)).toEqual([`${H}_story.gguf`]);
  });

  it('flags an interrupted download: short file, or no record at all', () => {
    const url = 'https://hf.co/u/r/resolve/main/m.gguf';
    const [short] = run([[`${H}_m.gguf`, 1000]], [[`${H}_m.gguf`, meta(url, 4000)]]);
    expect(short?.health).toEqual({ state: 'incomplete', reason: 'm.gguf: 1000 of 4000 bytes' });
    const [bare] = run([[`${H}_m.gguf`, 1000]], []);
    expect(bare).toMatchObject({ name: 'm.gguf', url: null, health: { state: 'incomplete' } });
  });

  it('keeps the shards of a split GGUF together and counts the missing ones', () => {
    const u = (i: number): string => `https://hf.co/u/r/resolve/main/big-0000${i}-of-00003.gguf`;
    const groups = run(
      [
        [`${h(1)}_big-00001-of-00003.gguf`, 10],
        [`${h(2)}_big-00002-of-00003.gguf`, 20],
      ],
      [
        [`${h(1)}_big-00001-of-00003.gguf`, meta(u(1), 10)],
        [`${h(2)}_big-00002-of-00003.gguf`, meta(u(2), 20)],
      ],
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      name: 'big-00001-of-00003.gguf',
      size: 30,
      parts: '2 of 3 GGUF shards',
      health: { state: 'incomplete', reason: '1 of 3 GGUF shards missing' },
    });
  });

  it('puts a projector with its model', () => {
    const model = 'https://hf.co/u/r/resolve/main/vlm.gguf';
    const proj = 'https://hf.co/u/r/resolve/main/mmproj.gguf';
    const groups = run(
      [
        [`${h(2)}_mmproj.gguf`, 5],
        [`${h(1)}_vlm.gguf`, 10],
      ],
      [
        [`${h(2)}_mmproj.gguf`, meta(proj, 5)],
        [`${h(1)}_vlm.gguf`, meta(model, 10, { mmprojURL: proj })],
      ],
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      name: 'vlm.gguf',
      size: 15,
      parts: 'GGUF file · projector',
      health: { state: 'complete' },
    });
  });

  it('lists a record whose file is gone, so it can be cleaned up', () => {
    const [g] = run([], [[`${H}_m.gguf`, meta('https://x/m.gguf', 10)]]);
    expect(g).toMatchObject({ name: 'm.gguf', size: 0, health: { state: 'incomplete' } });
  });
});
