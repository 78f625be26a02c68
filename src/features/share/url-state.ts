/**
 * The setup lives in the URL so a link reproduces a comparison: `a` and `b` hold each pane's model
 * (a web-llm model id, the URL of a .gguf file, or a server's base URL with `amodel`/`bmodel` naming the
 * model on it — never its key), plus the shared settings.
 */
import { remoteSpec } from '../../engine/remote/spec';
import type { ModelSpec } from '../../engine/types';
import { checkRemoteUrl } from '../../security/remote-url';
import { isAllowedModelUrl, MODEL_HOSTS } from '../../security/model-hosts';
import { cleanSettingsPatch } from '../../store/settings';
import { PANES, type PaneId, type Settings } from '../../store/types';

export interface UrlSetup {
  picks: Partial<Record<PaneId, ModelSpec>>;
  settings: Partial<Settings>;
  /** What the link asked for that was refused, in words (shown to the visitor). */
  problems: string[];
  /** `blind=1`: the comparison starts blind (names hidden until Reveal). */
  blind: boolean;
}

const num = (v: string | null): number | undefined => (v === null || v.trim() === '' ? undefined : Number(v));

type Parsed = { spec: ModelSpec } | { problem: string } | null;

/**
 * A pane's model from a URL value: a known web-llm id, or an http(s) .gguf URL on a host models may come
 * from (the same rule as a URL typed into the app). Anything else is refused, with the reason.
 */
export function specFromParam(v: string | null, knownIds: ReadonlySet<string>, pageOrigin: string): Parsed {
  if (!v) return null;
  if (knownIds.has(v)) return { spec: { engine: 'webllm', id: v } };
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    return { problem: 'it names no model this site knows' };
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || !/\.gguf$/i.test(u.pathname))
    return { problem: 'it is neither a known model nor the address of a .gguf file' };
  if (!isAllowedModelUrl(u, pageOrigin))
    return {
      problem: `${u.host} is not a host this site loads models from (only this site, or https from ${MODEL_HOSTS.join(', ')})`,
    };
  return { spec: { engine: 'llamacpp', id: `gguf:${u.href}`, url: u.href } };
}

/** A remote pane from `b=<base URL>&bmodel=<model>`: checked like a typed server address. */
export function remoteFromParams(base: string | null, model: string, pageOrigin: string): Parsed {
  const check = checkRemoteUrl(base ?? '', pageOrigin);
  if (!check.ok) return { problem: check.message.replace(/\.$/, '') };
  if (!model.trim()) return { problem: 'it names a server but no model on it' };
  return { spec: remoteSpec(check.baseUrl, model.trim()) };
}

export function parseSetup(search: string, knownIds: ReadonlySet<string>, pageOrigin: string): UrlSetup {
  const q = new URLSearchParams(search);
  const picks: UrlSetup['picks'] = {};
  const problems: string[] = [];
  for (const pane of PANES) {
    const model = q.get(`${pane}model`);
    const r =
      model !== null
        ? remoteFromParams(q.get(pane), model, pageOrigin)
        : specFromParam(q.get(pane), knownIds, pageOrigin);
    if (r && 'spec' in r) picks[pane] = r.spec;
    else if (r)
      problems.push(`The model the link names for pane ${pane.toUpperCase()} was not loaded: ${r.problem}.`);
  }
  // Every value goes through the same checks as the settings form (out-of-range numbers are brought in range).
  const seed = q.get('seed');
  const settings = cleanSettingsPatch({
    mode: q.get('mode') ?? undefined,
    temperature: num(q.get('temperature')),
    top_p: num(q.get('top_p')),
    max_tokens: num(q.get('max_tokens')),
    seed: seed === null ? undefined : num(seed),
    systemPrompt: q.get('system') ?? undefined,
  });
  return { picks, settings, problems, blind: q.get('blind') === '1' };
}

function paramOf(spec: ModelSpec | null): string | null {
  if (!spec) return null;
  if (spec.engine === 'webllm' && !spec.url) return spec.id;
  if (spec.engine === 'llamacpp' && spec.url) return spec.url;
  return null;
}

export function buildSetup(
  picks: Record<PaneId, ModelSpec | null>,
  s: Settings,
  opts: { blind?: boolean } = {},
): string {
  const q = new URLSearchParams();
  for (const pane of PANES) {
    const spec = picks[pane];
    if (spec?.engine === 'remote' && spec.url && spec.serverModel) {
      // The server and the model: a key is never part of a spec, so never part of a link.
      q.set(pane, spec.url);
      q.set(`${pane}model`, spec.serverModel);
    } else {
      const v = paramOf(spec);
      if (v) q.set(pane, v);
    }
  }
  q.set('mode', s.mode);
  q.set('temperature', String(s.temperature));
  q.set('top_p', String(s.top_p));
  q.set('max_tokens', String(s.max_tokens));
  if (s.seed !== null) q.set('seed', String(s.seed));
  if (s.systemPrompt) q.set('system', s.systemPrompt);
  if (opts.blind) q.set('blind', '1');
  return q.toString();
}
