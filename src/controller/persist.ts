/**
 * Transcripts and settings live in IndexedDB (idb-keyval). Saved on commit and, while a reply streams,
 * at most once a second — never per token. A draft found on restore is kept, marked "interrupted".
 */
import { createStore, get, set, del } from 'idb-keyval';
import type { ModelSpec } from '../engine/types';
import { PANES, type Draft, type Message, type PaneId, type Settings } from '../store/types';

const db = createStore('tandem', 'state');
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
