/**
 * Start-up: restore the saved session, probe the device, choose each pane's model (a shared link first,
 * then the saved session, then the default pair for this GPU), and keep the address bar in step.
 */
import { loadPair } from '../controller/load';
import { restoreSession } from '../controller/session';
import { startWasmMemoryPolling } from '../controller/wasm-memory';
import { probeDevice } from '../device/probe';
import { catalog, defaultPair } from '../features/models/catalog';
import { buildSetup, parseSetup } from '../features/share/url-state';
import { useStore } from '../store/store';
import { loadMarkdown } from '../ui/markdown-loader';
import { PANES, type PaneId } from '../store/types';

const knownIds = new Set(catalog.map((m) => m.id));

export async function bootstrap(): Promise<void> {
  const fromUrl = parseSetup(window.location.search, knownIds);
  const [device] = await Promise.all([probeDevice(), restoreSession()]);
  const s = useStore.getState();
  useStore.setState({ device });
  if (Object.keys(fromUrl.settings).length) s.setSettings(fromUrl.settings);
  const [a, b] = defaultPair(device.f16);
  const defaults = { a: { engine: 'webllm' as const, id: a }, b: { engine: 'webllm' as const, id: b } };
  for (const id of PANES)
    s.setPick(id, fromUrl.picks[id] ?? useStore.getState().panes[id].model ?? defaults[id]);
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
    if (next.settings !== prev.settings || PANES.some(changed)) syncUrl();
  });
  // A shared link loads its pair once the device check is done, unless the device cannot run it.
  const webllmUsable = device.webgpu && device.adapter;
  const linked = PANES.map((id) => fromUrl.picks[id]).filter((p) => p !== undefined);
  if (linked.length && linked.every((p) => p.engine === 'llamacpp' || webllmUsable)) void loadPair();
}

/**
 * The address bar names the models actually loaded (not mere picks), so reloading the page brings back
 * that pair — from the browser's cache — while a first visit never starts a download by itself.
 */
function syncUrl(): void {
  const { panes, settings } = useStore.getState();
  const loaded = {
    a: panes.a.status === 'empty' ? null : panes.a.model,
    b: panes.b.status === 'empty' ? null : panes.b.model,
  };
  const url = `${window.location.pathname}?${buildSetup(loaded, settings)}`;
  if (url !== `${window.location.pathname}${window.location.search}`)
    window.history.replaceState(null, '', url);
}

export function shareLink(): string {
  const { picks, settings } = useStore.getState();
  return `${window.location.origin}${window.location.pathname}?${buildSetup(picks, settings)}`;
}
