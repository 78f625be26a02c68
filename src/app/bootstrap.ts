/**
 * Start-up: restore the saved session, probe the device, choose each pane's model (a shared link first,
 * then the saved session, then the default pair for this GPU), and keep the address bar in step.
 */
import { startBlind } from '../controller/blind';
import { loadPair } from '../controller/load';
import { watchPresentLink } from '../controller/present';
import { stopAll } from '../controller/generate';
import { mirrorSaved, restoreSession, saveNow } from '../controller/session';
import { startTabLock } from '../controller/tab-lock';
import { isSpecCached } from '../features/storage/cached';
import { startWasmMemoryPolling } from '../controller/wasm-memory';
import { probeDevice } from '../device/probe';
import { catalog, defaultPair } from '../catalog/catalog';
import { buildSetup, parseSetup, type UrlSetup } from '../features/share/url-state';
import { sameRemote } from '../engine/remote/spec';
import { useStore } from '../store/store';
import { loadMarkdown } from '../ui/markdown-loader';
import { PANES, type PaneId, type Settings } from '../store/types';

const knownIds = new Set(catalog.map((m) => m.id));

export async function bootstrap(): Promise<void> {
  const fromUrl = parseSetup(window.location.search, knownIds, window.location.origin);
  const [device] = await Promise.all([probeDevice(), restoreSession()]);
  // Only one tab saves the conversation; another one shows it and can take it over.
  startTabLock({ readSaved: mirrorSaved, save: saveNow, stop: stopAll });
  // A link that starts blind hides the names before anything names them (its offer included).
  if (fromUrl.blind) startBlind();
  // A link's present=1 opens presentation mode once its models are ready (after the visitor's yes).
  if (fromUrl.present) useStore.getState().patchPresent({ pending: true });
  watchPresentLink();
  const s = useStore.getState();
  useStore.setState({ device, linkProblems: fromUrl.problems });
  // The panes are live from here: the bench's cold start reads this mark (bench/cold-load.ts).
  performance.mark('tandem-ready');
  const [a, b] = defaultPair(device.f16);
  const defaults = { a: { engine: 'webllm' as const, id: a }, b: { engine: 'webllm' as const, id: b } };
  for (const id of PANES)
    s.setPick(id, fromUrl.picks[id] ?? useStore.getState().panes[id].model ?? defaults[id]);
  await openLink(fromUrl, device.webgpu && device.adapter);
  syncUrl();
  startWasmMemoryPolling();
  // Fetch the Markdown renderer now, off the critical path, so the first reply never waits for it.
  void loadMarkdown();
  // Not on every streamed token: only when what the address bar shows can have changed.
  useStore.subscribe((next, prev) => {
    const changed = (id: PaneId): boolean => {
      const [n, p] = [next.panes[id], prev.panes[id]];
      return n.model !== p.model || (n.status === 'empty') !== (p.status === 'empty');
    };
    const moved =
      next.settings !== prev.settings ||
      next.linkOffer !== prev.linkOffer ||
      next.blind !== prev.blind ||
      next.present.on !== prev.present.on ||
      next.present.pending !== prev.present.pending;
    if (moved || PANES.some(changed)) syncUrl();
  });
}

/** The settings a link would change (equal values, e.g. those a reload finds in the address bar, are not changes). */
function changedSettings(link: Partial<Settings>, current: Settings): Partial<Settings> {
  const entries = Object.entries(link).filter(
    ([k, v]) => JSON.stringify(v) !== JSON.stringify(current[k as keyof Settings]),
  );
  return Object.fromEntries(entries);
}

/**
 * A shared link loads the panes it names — and only those — by itself only when their models are already
 * in this browser and it changes no setting (a reload of this page's own address). Anything else is an
 * offer the visitor accepts with a click that shows the sizes and the memory verdict.
 */
async function openLink(link: UrlSetup, webllmUsable: boolean): Promise<void> {
  // A remote pane the page restored (a reload of its own address) asks for its key in the pane itself.
  const restored = (id: PaneId) => sameRemote(link.picks[id], useStore.getState().panes[id].model);
  const named = PANES.filter((id) => link.picks[id] !== undefined && !restored(id));
  if (named.length < PANES.filter((id) => link.picks[id] !== undefined).length)
    link = { ...link, picks: Object.fromEntries(named.map((id) => [id, link.picks[id]])) };
  const settings = changedSettings(link.settings, useStore.getState().settings);
  if (!named.length && !Object.keys(settings).length) return;
  const specs = named.flatMap((id) => link.picks[id] ?? []);
  const cached = await Promise.all(specs.map(isSpecCached));
  // A server is never "cached": nothing is sent to it before the visitor says so (the offer's Connect).
  const runnable = specs.every((p) => p.engine === 'llamacpp' || (p.engine === 'webllm' && webllmUsable));
  if (runnable && cached.every(Boolean) && !Object.keys(settings).length) void loadPair(named);
  else useStore.setState({ linkOffer: { picks: link.picks, settings } });
}

/**
 * The address bar names the models actually loaded (not mere picks), so reloading the page brings back
 * that pair — from the browser's cache — while a first visit never starts a download by itself.
 */
function syncUrl(): void {
  const { panes, settings, linkOffer, blind, present } = useStore.getState();
  // A link's offer not yet answered stays in the address bar, so a reload asks again instead of forgetting it.
  const shown = (id: PaneId) =>
    panes[id].status === 'empty' ? (linkOffer?.picks[id] ?? null) : panes[id].model;
  const url = `${window.location.pathname}?${buildSetup({ a: shown('a'), b: shown('b') }, { ...settings, ...linkOffer?.settings }, { blind: blind.on, present: present.on || present.pending })}`;
  if (url !== `${window.location.pathname}${window.location.search}`)
    window.history.replaceState(null, '', url);
}

export function shareLink(opts: { present?: boolean } = {}): string {
  const { picks, settings, blind } = useStore.getState();
  // A link copied in blind mode starts blind too; one copied for presentation opens it.
  return `${window.location.origin}${window.location.pathname}?${buildSetup(picks, settings, { blind: blind.on, ...opts })}`;
}
