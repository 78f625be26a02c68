/**
 * The URLs web-llm derives for a model, exactly as it derives them: its Cache Storage keys are
 * `new URL(path, base).href`, compared as strings (`ArtifactCache.hasAllKeys`), so one differing character
 * means a second download.
 */
import { CHAT_CONFIG_FILE, TENSOR_CACHE_FILE } from './names';

/**
 * The model base URL as web-llm 0.2.86 computes it (`cleanModelUrl`): a trailing slash, then
 * `resolve/main/` unless the URL already has a `…/resolve/<something>/` part, then `new URL().href`.
 * Like web-llm, a relative URL is rejected (a TypeError).
 */
export function modelBaseUrl(modelUrl: string): string {
  let u = modelUrl.endsWith('/') ? modelUrl : modelUrl + '/';
  if (!/.+\/resolve\/.+\//.test(u)) u += 'resolve/main/';
  try {
    return new URL(u).href;
  } catch {
    throw new TypeError(`Not an absolute model URL: ${modelUrl}`);
  }
}

/** A file of the model: `path` relative to the base (a manifest's `dataPath`, a tokenizer name…). */
export function fileUrl(base: string, path: string): string {
  return new URL(path, base).href;
}

export function manifestUrl(base: string): string {
  return fileUrl(base, TENSOR_CACHE_FILE);
}

export function chatConfigUrl(base: string): string {
  return fileUrl(base, CHAT_CONFIG_FILE);
}

/**
 * Whether web-llm keeps this model library in its cache: it fetches a library whose URL contains
 * "localhost", or that is relative, afresh on every load (`fetchWasmSource`).
 */
export function libraryIsCached(modelLib: string): boolean {
  return modelLib.startsWith('http') && !modelLib.includes('localhost');
}

/** The last path segment, decoded, for showing a file to a person. */
export function fileName(url: string): string {
  const tail = url.split(/[?#]/)[0]?.split('/').pop() ?? url;
  try {
    return decodeURIComponent(tail) || url;
  } catch {
    return tail || url;
  }
}

export interface TreeListing {
  /** Hugging Face's file listing of the repository at that revision (and folder). */
  url: string;
  /** The URL its entries' `path`s are relative to: the repository root at that revision. */
  root: string;
}

/**
 * Where Hugging Face lists the files under a base URL, with their sizes and hashes:
 * `https://huggingface.co/<repo>/resolve/<rev>/<folder>/` → `https://huggingface.co/api/models/<repo>/tree/<rev>/<folder>`.
 * Asked only of huggingface.co and of the page's own origin (a mirror may serve the same answer); null
 * for any other host, or a base without `/resolve/<rev>/`.
 */
export function treeListingFor(base: string, pageOrigin: string | null): TreeListing | null {
  let u: URL;
  try {
    u = new URL(base);
  } catch {
    return null;
  }
  if (u.hostname !== 'huggingface.co' && u.origin !== pageOrigin) return null;
  const m = /^\/(.+?)\/resolve\/([^/]+)\/(.*)$/.exec(u.pathname);
  if (!m) return null;
  const [, repo = '', rev = '', folder = ''] = m;
  const sub = folder.replace(/\/$/, '');
  return {
    url: `${u.origin}/api/models/${repo}/tree/${rev}${sub ? '/' + sub : ''}`,
    root: `${u.origin}/${repo}/resolve/${rev}/`,
  };
}
