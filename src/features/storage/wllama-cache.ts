/**
 * Reads and deletes the GGUF files wllama keeps in the origin private file system (folder `cache/`, see
 * gguf-files.ts). The page reads the folder itself so it never loads wllama.
 */
import {
  groupWllamaFiles,
  METADATA_PREFIX,
  parseWllamaMetadata,
  WLLAMA_DIR,
  type GgufGroup,
  type OpfsFile,
  type WllamaMetadata,
} from './gguf-files';

async function wllamaDir(): Promise<FileSystemDirectoryHandle | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) return null;
  try {
    const root = await navigator.storage.getDirectory();
    return await root.getDirectoryHandle(WLLAMA_DIR);
  } catch {
    return null; // no folder yet: nothing cached
  }
}

export async function readGgufModels(): Promise<GgufGroup[]> {
  const dir = await wllamaDir();
  if (!dir) return [];
  const files: OpfsFile[] = [];
  const metadata = new Map<string, WllamaMetadata | null>();
  for await (const [name, handle] of dir.entries()) {
    if (handle.kind !== 'file') continue;
    const file = await handle.getFile();
    if (name.startsWith(METADATA_PREFIX))
      metadata.set(name.slice(METADATA_PREFIX.length), parseWllamaMetadata(await file.text()));
    else files.push({ name, size: file.size });
  }
  return groupWllamaFiles(files, metadata);
}

async function removeIfPresent(dir: FileSystemDirectoryHandle, name: string): Promise<void> {
  try {
    await dir.removeEntry(name);
  } catch (e) {
    if (!(e instanceof DOMException && e.name === 'NotFoundError')) throw e;
  }
}

/** Deletes these files and their download records (what wllama's own `CacheManager.delete` does). */
export async function deleteGgufFiles(names: string[]): Promise<void> {
  const dir = await wllamaDir();
  if (!dir) return;
  for (const name of names) {
    await removeIfPresent(dir, name);
    await removeIfPresent(dir, METADATA_PREFIX + name);
  }
}

/** Removes wllama's whole folder. */
export async function clearGgufCache(): Promise<void> {
  if (!(await wllamaDir())) return;
  const root = await navigator.storage.getDirectory();
  await root.removeEntry(WLLAMA_DIR, { recursive: true });
}
