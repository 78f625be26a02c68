/**
 * Protection from eviction (`navigator.storage.persist()`). Chrome grants or refuses it silently by how the
 * site is used; Firefox asks the user. So the app asks once, after a first model download succeeds, and the
 * panel offers a button and shows the state.
 */

const ASKED_KEY = 'tandem.storage.persist-asked';
const listeners = new Set<() => void>();

/** Something changed what is stored (a download, a deletion, persistence): open panels refresh. */
export function onStorageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifyStorageChange(): void {
  for (const l of listeners) l();
}

/** `navigator.storage.persisted()`, or null where the browser does not offer it. */
export async function readPersisted(): Promise<boolean | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persisted) return null;
  try {
    return await navigator.storage.persisted();
  } catch {
    return null;
  }
}

/** Asks for persistent storage; resolves to the resulting state (null where unsupported). */
export async function requestPersistence(): Promise<boolean | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return null;
  try {
    await navigator.storage.persist();
  } catch {
    // Refused or unavailable: the state below says which.
  }
  const state = await readPersisted();
  notifyStorageChange();
  return state;
}

function askedBefore(): boolean {
  try {
    return localStorage.getItem(ASKED_KEY) === '1';
  } catch {
    return false;
  }
}

function rememberAsked(asked: boolean): void {
  try {
    if (asked) localStorage.setItem(ASKED_KEY, '1');
    else localStorage.removeItem(ASKED_KEY);
  } catch {
    // No localStorage (e.g. blocked): ask again next time.
  }
}

/**
 * Call after a model download succeeds. Asks for persistent storage the first time only (Firefox shows a
 * prompt, which should not come back on every load); later calls just report the state.
 */
export async function requestPersistenceAfterFirstDownload(): Promise<boolean | null> {
  const now = await readPersisted();
  if (now !== false || askedBefore()) return now;
  rememberAsked(true);
  return requestPersistence();
}

/** "Delete everything" forgets that we asked, so the next first download asks again. */
export function forgetPersistenceRequest(): void {
  rememberAsked(false);
}
