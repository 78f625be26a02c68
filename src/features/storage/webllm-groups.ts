/**
 * Which cached web-llm files belong to which model. web-llm keys its caches by URL (webllm-cache/names.ts):
 * weights, manifest, tokenizer and chat config under the model's base URL (`…/resolve/main/`), the
 * compiled model library under its own URL. Grouping is by that base; a base no known record names (a
 * custom model) is its own group.
 */
import { WASM_CACHE } from '../../webllm-cache/names';
import type { CachedEntry } from '../../webllm-cache/storage';
import { fileName, modelBaseUrl } from '../../webllm-cache/urls';

/** A model the app can name: a catalog record, or a custom model the user added by URL. */
export interface KnownModel {
  id: string;
  /** The model repository URL as the record gives it (web-llm adds `resolve/main/` when missing). */
  model: string;
  /** The compiled model library URL, when known. */
  modelLib?: string | undefined;
}

export interface WebLlmGroup {
  key: string;
  /** The catalog id to show (the shortest id using these weights), else the base or library URL. */
  name: string;
  /** Other ids that use the same weights (e.g. the `-1k` context variant). */
  aliases: string[];
  /** Base URL of the weights, or null for a model library no cached weights claim. */
  base: string | null;
  entries: CachedEntry[];
  /** Set when the model library this model uses is listed (and deleted) under another model. */
  sharesLibraryWith?: string;
  /** The model library a record of these weights names, when one does (what Repair checks). */
  modelLib: string | null;
}

/** The base URL web-llm resolves a record's `model` to (its `cleanModelUrl`). */
export function cleanModelUrl(model: string): string {
  try {
    return modelBaseUrl(model);
  } catch {
    // Not an absolute URL: keep it recognisable rather than failing the whole inventory.
    return model.endsWith('/') ? model : model + '/';
  }
}

/** For a URL no record claims: everything up to `/resolve/<revision>/`, else up to the last slash. */
export function unknownBase(url: string): string {
  const m = /^(.*?\/resolve\/[^/]+\/)/.exec(url);
  return m?.[1] ?? url.slice(0, url.lastIndexOf('/') + 1);
}

/**
 * Only for catalog records that do not carry their library URL: web-llm names most libraries after the
 * model (`Llama-3.2-1B-Instruct-q4f32_1` → `Llama-3.2-1B-Instruct-q4f32_1_cs1k-webgpu.wasm`). Used only to
 * attach a library to weights that are already cached, never to name a model by itself.
 */
export function libraryNamedAfter(id: string, libUrl: string): boolean {
  const stem = id.replace(/-MLC(?:-1k)?$/, '');
  const f = fileName(libUrl);
  return f.startsWith(stem + '_') || f.startsWith(stem + '-');
}

function primaryFirst(ids: string[]): string[] {
  return [...ids].sort((a, b) => a.length - b.length || a.localeCompare(b));
}

export function groupWebLlmEntries(entries: CachedEntry[], known: KnownModel[]): WebLlmGroup[] {
  const idsByBase = new Map<string, string[]>();
  for (const k of known) {
    const base = cleanModelUrl(k.model);
    const ids = idsByBase.get(base) ?? [];
    if (!ids.includes(k.id)) ids.push(k.id);
    idsByBase.set(base, ids);
  }
  const bases = [...idsByBase.keys()].sort((a, b) => b.length - a.length);
  const groups = new Map<string, WebLlmGroup>();
  const groupFor = (base: string): WebLlmGroup => {
    let g = groups.get(base);
    if (!g) {
      const [name, ...aliases] = primaryFirst(idsByBase.get(base) ?? []);
      const mine = known.filter((k) => k.modelLib && cleanModelUrl(k.model) === base);
      const modelLib = (mine.find((k) => k.id === name) ?? mine[0])?.modelLib ?? null;
      g = { key: `webllm:${base}`, name: name ?? base, aliases, base, entries: [], modelLib };
      groups.set(base, g);
    }
    return g;
  };

  for (const e of entries) {
    if (e.cache === WASM_CACHE) continue;
    groupFor(bases.find((b) => e.url.startsWith(b)) ?? unknownBase(e.url)).entries.push(e);
  }

  const libraryOnly: WebLlmGroup[] = [];
  for (const e of entries) {
    if (e.cache !== WASM_CACHE) continue;
    const exact = known.filter((k) => k.modelLib === e.url).map((k) => cleanModelUrl(k.model));
    const guessed = known
      .filter((k) => k.modelLib === undefined && libraryNamedAfter(k.id, e.url))
      .map((k) => cleanModelUrl(k.model));
    const present = [...new Set([...exact, ...guessed])]
      .map((b) => groups.get(b))
      .filter((g): g is WebLlmGroup => g !== undefined)
      .sort((a, b) => a.name.localeCompare(b.name));
    const [owner, ...others] = present;
    if (owner) {
      owner.entries.push(e);
      owner.modelLib ??= e.url;
      for (const o of others) o.sharesLibraryWith = owner.name;
    } else if (exact[0] !== undefined) {
      groupFor(exact[0]).entries.push(e);
    } else {
      libraryOnly.push({
        key: `webllm-lib:${e.url}`,
        name: fileName(e.url),
        aliases: [],
        base: null,
        entries: [e],
        modelLib: e.url,
      });
    }
  }
  return [...groups.values(), ...libraryOnly];
}
