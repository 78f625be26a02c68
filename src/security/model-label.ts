/**
 * How a model is named on screen. A name taken from a URL is whatever its author chose ("(official)",
 * right-to-left overrides, a bad percent-escape), so it is shown with where it really comes from: the
 * host and the repository path, decoded safely, with invisible characters removed.
 */
import { remoteLabel } from '../engine/remote/spec';
import { displayPart } from './untrusted-text';

/** The repository part of a path: owner/repo on Hugging Face and GitHub, else the whole folder. */
function repositoryPath(host: string, folders: string[]): string[] {
  const [owner, repo, kind] = folders;
  const hf = host === 'huggingface.co' || host.endsWith('.huggingface.co') || host.endsWith('.hf.co');
  if (owner && repo && ((hf && kind === 'resolve') || host === 'raw.githubusercontent.com'))
    return [owner, repo];
  return folders;
}

/** "file.gguf from huggingface.co/owner/repo", or null when the text is not an http(s) URL. */
export function urlModelLabel(rawUrl: string, name?: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const segments = url.pathname.split('/').filter(Boolean);
  const file = name ?? segments.pop() ?? '';
  const where = [url.host, ...repositoryPath(url.hostname, segments)].map((s) => displayPart(s, 60));
  const shown = displayPart(file);
  return `${shown || 'unnamed model'} from ${where.join('/')}`;
}

/**
 * A short, safe label for a model: its web-llm id, or for a model given by URL (a `gguf:` id, or a custom
 * web-llm model with its repository URL) the file or folder name with its host and repository.
 */
export function modelLabel(id: string, url?: string): string {
  // A server's model name comes from the server (or a link): shown as "model on host", made safe too.
  const remote = remoteLabel(id);
  if (remote !== null) return displayPart(remote, 120);
  if (id.startsWith('gguf:')) return urlModelLabel(id.slice(5)) ?? displayPart(id.slice(5));
  if (id.startsWith('custom:')) {
    const name = id.slice(7);
    return (url && urlModelLabel(url, name)) || displayPart(name);
  }
  return displayPart(id, 120);
}
