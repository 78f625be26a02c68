/** Saving and restoring the session: what the store holds that must survive a reload. */
import { useStore } from '../store/store';
import { PANES, type PaneId } from '../store/types';
import { loadSession, saveSession, type SavedPane } from './persist';

/** The saved record as it was, when part of it could not be read (so it can still be exported). */
let unreadable: unknown;
export const savedBeforeRestore = (): unknown => unreadable;

let lastDraftSave = 0;

export function snapshot(): Parameters<typeof saveSession>[0] {
  const s = useStore.getState();
  const panes = {} as Record<PaneId, SavedPane>;
  for (const id of PANES) {
    const p = s.panes[id];
    panes[id] = { model: p.model, messages: p.messages, draft: p.draft };
  }
  return { panes, settings: s.settings };
}

export function persistNow(): void {
  lastDraftSave = Date.now();
  void saveSession(snapshot()).catch(() => undefined);
}

/** While a reply streams: save at most once a second so a crash keeps most of it. */
export function persistDraftThrottled(): void {
  if (Date.now() - lastDraftSave >= 1000) persistNow();
}

export async function restoreSession(): Promise<void> {
  const saved = await loadSession().catch(() => null);
  const { patchPane, setSettings } = useStore.getState();
  if (saved) {
    const { session, problems, raw } = saved;
    setSettings(session.settings);
    for (const id of PANES) {
      const p = session.panes[id];
      patchPane(id, { model: p.model, messages: p.messages, status: 'empty' });
    }
    if (problems.length) {
      unreadable = raw;
      useStore.setState((s) => ({ notices: [...s.notices, ...problems] }));
    }
  }
  useStore.setState({ restored: true });
}
