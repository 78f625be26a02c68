/** Saving and restoring the session: what the store holds that must survive a reload. */
import { useStore } from '../store/store';
import { PANES, type PaneId } from '../store/types';
import { loadSession, saveSession, type SavedPane } from './persist';
import { announceSaved, isWriter } from './tab-lock';

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
  return { panes, settings: s.settings, blind: s.blind, votes: s.votes };
}

/**
 * Saves now. A failed save (most often: model weights filled the browser's storage) is never silent: the
 * store holds why, for the page to say so with a way out; the next save that works clears it.
 */
export function persistNow(): void {
  void saveNow();
}

/** persistNow, for callers that wait for the write (a tab handing the conversation over). */
export function saveNow(): Promise<void> {
  // Only the tab that holds the conversation writes it; another tab's copy would overwrite it.
  if (!isWriter()) return Promise.resolve();
  lastDraftSave = Date.now();
  return saveSession(snapshot()).then(
    () => {
      if (useStore.getState().saveError !== null) useStore.setState({ saveError: null });
      announceSaved();
    },
    (e: unknown) => {
      const err = e as { name?: string; message?: string };
      const quota = err.name === 'QuotaExceededError' || /quota/i.test(err.message ?? '');
      useStore.setState({
        saveError: quota
          ? 'the browser’s storage for this site is full'
          : `${err.name ?? 'Error'}: ${err.message ?? String(e)}`,
      });
    },
  );
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
    useStore.setState({ blind: session.blind, votes: session.votes });
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

/**
 * The saved conversation and settings, read again into this tab (another tab saved them). The panes'
 * models and engines stay as they are in this tab.
 */
export async function mirrorSaved(how: 'mirror' | 'take'): Promise<void> {
  const saved = await loadSession({ drafts: how === 'mirror' ? 'keep' : 'recover' }).catch(() => null);
  if (!saved) return;
  const { patchPane, setSettings } = useStore.getState();
  setSettings(saved.session.settings);
  useStore.setState({ blind: saved.session.blind, votes: saved.session.votes });
  // A reply the other tab is streaming shows here as streaming too (its draft), not as interrupted.
  for (const id of PANES)
    patchPane(id, { messages: saved.session.panes[id].messages, draft: saved.session.panes[id].draft });
}
