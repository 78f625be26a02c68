/**
 * Transcripts and settings live in IndexedDB (idb-keyval). Saved on commit and, while a reply streams,
 * at most once a second — never per token. A draft found on restore is kept, marked "interrupted".
 */
import { get, set, del, type UseStore } from 'idb-keyval';
import type { ModelSpec } from '../engine/types';
import { PANES, type Draft, type Message, type PaneId, type Settings } from '../store/types';

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

export interface SavedPane {
  model: ModelSpec | null;
  messages: Message[];
  draft: Draft | null;
}

export interface SavedSession {
  panes: Record<PaneId, SavedPane>;
  settings: Settings;
}

export async function saveSession(s: SavedSession): Promise<void> {
  await set(KEY, s, db);
}

export async function loadSession(): Promise<SavedSession | null> {
  const s = (await get<SavedSession>(KEY, db)) ?? null;
  if (!s) return null;
  for (const id of PANES) {
    const p = s.panes[id];
    if (p.draft) {
      p.messages = [...p.messages, recoverDraft(p.draft)];
      p.draft = null;
    }
  }
  return s;
}

export function recoverDraft(d: Draft): Message {
  return { id: d.id, role: 'assistant', content: d.text, status: 'interrupted' };
}

export async function clearSession(): Promise<void> {
  await del(KEY, db);
}
