/**
 * Transcripts and settings live in IndexedDB (idb-keyval). Saved on commit and, while a reply streams,
 * at most once a second — never per token. A draft found on restore is kept, marked "interrupted".
 */
import { get, set, del, type UseStore } from 'idb-keyval';
import { placeReply } from '../store/transcript';
import { PANES, type Draft, type Message } from '../store/types';
import { readSavedSession, type ReadSession, type SavedSession } from './session-schema';

export type { SavedPane, SavedSession } from './session-schema';

/**
 * idb-keyval's store, except that the connection closes when another tab or "Delete everything" wants to
 * delete or upgrade the database (idb-keyval's own createStore keeps it open forever, blocking deletion).
 */
function closableStore(dbName: string, storeName: string): UseStore {
  let dbp: Promise<IDBDatabase> | undefined;
  const open = (): Promise<IDBDatabase> =>
    (dbp ??= new Promise((resolve, reject) => {
      const r = indexedDB.open(dbName);
      r.onupgradeneeded = () => r.result.createObjectStore(storeName);
      r.onsuccess = () => {
        const d = r.result;
        d.onversionchange = () => {
          d.close();
          dbp = undefined;
        };
        resolve(d);
      };
      r.onerror = () => {
        dbp = undefined;
        reject(r.error ?? new Error('IndexedDB open failed'));
      };
    }));
  return (mode, callback) =>
    open().then((d) => callback(d.transaction(storeName, mode).objectStore(storeName)));
}

const db = closableStore('tandem', 'state');
/** The app's one key-value store (IndexedDB "tandem"), for other saved data (quality runs, MMLU questions). */
export const appStore: UseStore = db;
const KEY = 'session-v1';

export async function saveSession(s: SavedSession): Promise<void> {
  await set(KEY, s, db);
}

/** The saved record exactly as stored, unchecked: for an export when the app cannot start. */
export async function loadRawSession(): Promise<unknown> {
  return get<unknown>(KEY, db);
}

/**
 * The saved session, checked (what is invalid is left out, and listed in `problems`). A reply that was
 * streaming when it was saved is kept as an interrupted reply, right after its prompt; with
 * `{ drafts: 'keep' }` it stays a draft (another tab is still streaming it).
 */
export async function loadSession(
  opts: { drafts: 'recover' | 'keep' } = { drafts: 'recover' },
): Promise<(ReadSession & { raw: unknown }) | null> {
  const raw = await loadRawSession();
  if (raw === undefined) return null;
  const { session, problems } = readSavedSession(raw);
  if (opts.drafts === 'recover')
    for (const id of PANES) {
      const p = session.panes[id];
      if (p.draft) {
        p.messages = placeReply(p.messages, p.draft.replyTo, recoverDraft(p.draft));
        p.draft = null;
      }
    }
  return { session, problems, raw };
}

export function recoverDraft(d: Draft): Message {
  return { id: d.id, role: 'assistant', content: d.text, status: 'interrupted' };
}

export async function clearSession(): Promise<void> {
  await del(KEY, db);
}
