/**
 * The setup lives in the URL so a link reproduces a comparison: `a` and `b` hold each pane's model
 * (a web-llm model id, or the URL of a .gguf file), plus the shared settings.
 */
import type { ModelSpec } from '../../engine/types';
import type { PaneId, Settings } from '../../store/types';

export interface UrlSetup {
  picks: Partial<Record<PaneId, ModelSpec>>;
  settings: Partial<Settings>;
}

const num = (v: string | null, min: number, max: number): number | undefined => {
  if (v === null || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
};

/** A pane's model from a URL value; anything that is neither a known id nor an http(s) .gguf URL is ignored. */
export function specFromParam(v: string | null, knownIds: ReadonlySet<string>): ModelSpec | undefined {
  if (!v) return undefined;
  if (knownIds.has(v)) return { engine: 'webllm', id: v };
  try {
    const u = new URL(v);
    if ((u.protocol === 'https:' || u.protocol === 'http:') && /\.gguf$/i.test(u.pathname))
      return { engine: 'llamacpp', id: `gguf:${u.href}`, url: u.href };
  } catch {
    /* not a URL */
  }
  return undefined;
}

export function parseSetup(search: string, knownIds: ReadonlySet<string>): UrlSetup {
  const q = new URLSearchParams(search);
  const picks: UrlSetup['picks'] = {};
  const a = specFromParam(q.get('a'), knownIds);
  const b = specFromParam(q.get('b'), knownIds);
  if (a) picks.a = a;
  if (b) picks.b = b;
  const settings: Partial<Settings> = {};
  const mode = q.get('mode');
  if (mode === 'together' || mode === 'in-turn') settings.mode = mode;
  const t = num(q.get('temperature'), 0, 2);
  if (t !== undefined) settings.temperature = t;
  const p = num(q.get('top_p'), 0, 1);
  if (p !== undefined) settings.top_p = p;
  const m = num(q.get('max_tokens'), 1, 32768);
  if (m !== undefined) settings.max_tokens = Math.round(m);
  const seed = num(q.get('seed'), 0, 2 ** 31);
  if (seed !== undefined) settings.seed = Math.round(seed);
  const system = q.get('system');
  if (system !== null) settings.systemPrompt = system.slice(0, 4000);
  return { picks, settings };
}

function paramOf(spec: ModelSpec | null): string | null {
  if (!spec) return null;
  if (spec.engine === 'webllm' && !spec.url) return spec.id;
  if (spec.engine === 'llamacpp' && spec.url) return spec.url;
  return null;
}

export function buildSetup(picks: Record<PaneId, ModelSpec | null>, s: Settings): string {
  const q = new URLSearchParams();
  const a = paramOf(picks.a);
  const b = paramOf(picks.b);
  if (a) q.set('a', a);
  if (b) q.set('b', b);
  q.set('mode', s.mode);
  q.set('temperature', String(s.temperature));
  q.set('top_p', String(s.top_p));
  q.set('max_tokens', String(s.max_tokens));
  if (s.seed !== null) q.set('seed', String(s.seed));
  if (s.systemPrompt) q.set('system', s.systemPrompt);
  return q.toString();
}
