/** Validates a model given by URL: a .gguf file (llama.cpp) or an MLC repository plus its model library. */
import type { ModelSpec } from '../../engine/types';
import { remoteLabel } from '../../engine/remote/spec';
import { isAllowedModelUrl, MODEL_HOSTS } from '../../security/model-hosts';

export type UrlCheck = { ok: true; spec: ModelSpec } | { ok: false; message: string };

function parseHttpUrl(raw: string, base: string): URL | null {
  try {
    const u = new URL(raw.trim(), base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : null;
  } catch {
    return null;
  }
}

export function checkModelUrl(rawUrl: string, rawLib: string, base: string): UrlCheck {
  if (!rawUrl.trim())
    return { ok: false, message: 'Enter the address of a .gguf file or of an MLC model repository.' };
  const url = parseHttpUrl(rawUrl, base);
  if (!url)
    return { ok: false, message: 'That is not a web address (it must start with https:// or http://).' };
  const origin = new URL(base).origin;
  const hostMessage = `For your safety this site only loads models from this site or over https from ${MODEL_HOSTS.join(', ')}.`;
  if (!isAllowedModelUrl(url, origin)) return { ok: false, message: hostMessage };
  if (/\.gguf$/i.test(url.pathname)) {
    return { ok: true, spec: { engine: 'llamacpp', id: `gguf:${url.href}`, url: url.href } };
  }
  if (!rawLib.trim())
    return {
      ok: false,
      message: 'This is not a .gguf file. For an MLC model, also give the URL of its model library (.wasm).',
    };
  const lib = parseHttpUrl(rawLib, base);
  if (!lib || !/\.wasm$/i.test(lib.pathname))
    return { ok: false, message: 'The model library URL must be a web address ending in .wasm.' };
  if (!isAllowedModelUrl(lib, origin)) return { ok: false, message: hostMessage };
  const name =
    url.pathname
      .split('/')
      .filter(Boolean)
      .filter((s) => s !== 'resolve' && s !== 'main')
      .pop() ?? 'custom';
  return { ok: true, spec: { engine: 'webllm', id: `custom:${name}`, url: url.href, modelLib: lib.href } };
}

/** A short label for a model spec. */
export function modelLabel(id: string): string {
  const remote = remoteLabel(id);
  if (remote !== null) return remote;
  if (id.startsWith('gguf:')) return decodeURIComponent(id.slice(5).split('/').pop() ?? id);
  if (id.startsWith('custom:')) return id.slice(7);
  return id;
}
