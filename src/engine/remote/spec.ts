/**
 * A remote pane's model, as the app saves and shares it: the API's base URL and the model's name on the
 * server — never its key. The id reads `remote:<model> @ <base URL>`, so a turn's model id says where it ran.
 */
import type { ModelSpec } from '../types';

const SEP = ' @ ';

export function remoteSpec(baseUrl: string, model: string): ModelSpec {
  return { engine: 'remote', id: `remote:${model}${SEP}${baseUrl}`, url: baseUrl, serverModel: model };
}

/** "model on host" for an id made by remoteSpec; null for any other id. */
export function remoteLabel(id: string): string | null {
  if (!id.startsWith('remote:')) return null;
  const rest = id.slice('remote:'.length);
  const at = rest.lastIndexOf(SEP);
  if (at < 0) return rest;
  const base = rest.slice(at + SEP.length);
  let host = base;
  try {
    host = new URL(base).host;
  } catch {
    // not a URL: shown as it is
  }
  return `${rest.slice(0, at)} on ${host}`;
}

/** The host a remote spec sends prompts to, or null for an in-browser model. */
export function remoteHost(spec: ModelSpec | null | undefined): string | null {
  if (spec?.engine !== 'remote' || !spec.url) return null;
  try {
    return new URL(spec.url).host;
  } catch {
    return null;
  }
}

export function sameRemote(a: ModelSpec | null | undefined, b: ModelSpec | null | undefined): boolean {
  return (
    a?.engine === 'remote' && b?.engine === 'remote' && a.url === b.url && a.serverModel === b.serverModel
  );
}
