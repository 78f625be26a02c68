/**
 * What the page may say about a pane: the one place that decides it, so blind mode holds wherever a pane is
 * named. Out of blind mode a pane is "Pane A" and shows its model; in blind mode it is "Model 1" or
 * "Model 2" (Model 1 on the left), and nothing that tells the models apart — name, id, file, server, engine
 * version, size, memory, and speed when asked — is shown. Pure: reads plain state.
 */
import { remoteHost } from '../engine/remote/spec';
import type { ModelSpec } from '../engine/types';
import { modelLabel } from '../security/model-label';
import { safeDecodeURIComponent } from '../security/untrusted-text';
import type { BlindState } from './blind-slice';
import { PANES, type PaneId } from './types';

/** The part of the state naming depends on. */
export interface NamingState {
  blind: BlindState;
  panes: Record<PaneId, { model: ModelSpec | null }>;
  picks: Record<PaneId, ModelSpec | null>;
  linkOffer: { picks: Partial<Record<PaneId, ModelSpec>> } | null;
}

export const otherPane = (p: PaneId): PaneId => (p === 'a' ? 'b' : 'a');

/** 1 for the pane shown as Model 1 (on the left in blind mode), else 2. */
export const slotOf = (s: Pick<NamingState, 'blind'>, pane: PaneId): 1 | 2 =>
  s.blind.model1 === pane ? 1 : 2;

/** The panes in the order the page shows them: A, B — or Model 1, Model 2 while blind. */
export function displayOrder(s: Pick<NamingState, 'blind'>): readonly [PaneId, PaneId] {
  return s.blind.on ? [s.blind.model1, otherPane(s.blind.model1)] : ['a', 'b'];
}

/** "Pane A", or "Model 1" while blind (where even the pane letter could be matched with a link's names). */
export function paneName(s: Pick<NamingState, 'blind'>, pane: PaneId): string {
  return s.blind.on ? `Model ${slotOf(s, pane)}` : `Pane ${pane.toUpperCase()}`;
}

/** The same name inside a sentence: "pane A" ("Stop pane A"), or "Model 1" while blind. */
export function paneRef(s: Pick<NamingState, 'blind'>, pane: PaneId): string {
  return s.blind.on ? paneName(s, pane) : `pane ${pane.toUpperCase()}`;
}

/**
 * Whether the page may show a kind of fact: 'identity' (names, ids, engine versions, servers, sizes,
 * memory, prices) never while blind; 'speed' (timings, rates) unless "hide speed figures too" is on.
 */
export function reveals(s: Pick<NamingState, 'blind'>, what: 'identity' | 'speed'): boolean {
  return !s.blind.on || (what === 'speed' && !s.blind.hideSpeed);
}

/** The pane's model as the page names it, or null while blind. */
export function modelName(s: Pick<NamingState, 'blind'>, spec: ModelSpec | null): string | null {
  return spec && reveals(s, 'identity') ? modelLabel(spec.id, spec.url) : null;
}

/** Every way a model could be named in a text: id, URL, label, file name, server and model on it. */
function namesOf(spec: ModelSpec): string[] {
  const out = [spec.id, modelLabel(spec.id, spec.url)];
  const url = spec.url ?? (/^gguf:/.test(spec.id) ? spec.id.slice(5) : undefined);
  if (url) {
    out.push(url);
    const file = url.split(/[?#]/)[0]?.split('/').filter(Boolean).pop();
    if (file) out.push(file, safeDecodeURIComponent(file));
  }
  const host = remoteHost(spec);
  if (host) out.push(host);
  if (spec.serverModel) out.push(spec.serverModel);
  // A web-llm id without its build suffix ("Llama-3.2-3B-Instruct" of "…-q4f16_1-MLC").
  const base = spec.id.replace(/^(custom|gguf|remote):/, '').replace(/-q\d\w*-MLC.*$/i, '');
  out.push(base);
  return out.filter((n) => n.length >= 3);
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A text from anywhere (an error's detail, a progress line, a notice) as the page may show it: while blind,
 * every name of either pane's model becomes that pane's blind name, and so does "Pane A"/"pane B".
 */
export function scrubText(s: NamingState, text: string): string {
  if (!s.blind.on) return text;
  const names: [string, string][] = [];
  for (const pane of PANES) {
    const specs = [s.panes[pane].model, s.picks[pane], s.linkOffer?.picks[pane] ?? null];
    for (const spec of specs) if (spec) for (const n of namesOf(spec)) names.push([n, paneName(s, pane)]);
  }
  names.sort((x, y) => y[0].length - x[0].length);
  let out = text;
  for (const [n, shown] of names) out = out.replace(new RegExp(escape(n), 'gi'), shown);
  return out.replace(/\b[Pp]ane ([AB])\b/g, (_, l: string) => paneName(s, l === 'A' ? 'a' : 'b'));
}
