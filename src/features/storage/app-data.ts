/**
 * The app's own IndexedDB database ("tandem": saved conversations and settings, src/controller/persist.ts).
 * Deleting a database waits for every open connection to close, and the app keeps one open while it runs,
 * so the data is cleared first (that takes effect at once) and the deletion itself may finish only when
 * the page is reloaded or closed.
 */

export const APP_DB = 'tandem';

export type AppDataResult = 'deleted' | 'pending';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

async function exists(): Promise<boolean> {
  if (!indexedDB.databases) return true;
  return (await indexedDB.databases()).some((d) => d.name === APP_DB);
}

async function clearStores(): Promise<void> {
  const db = await request(indexedDB.open(APP_DB));
  try {
    const names = [...db.objectStoreNames];
    if (!names.length) return;
    const tx = db.transaction(names, 'readwrite');
    await Promise.all(names.map((n) => request(tx.objectStore(n).clear())));
  } finally {
    db.close();
  }
}

export async function deleteAppData(): Promise<AppDataResult> {
  if (typeof indexedDB === 'undefined' || !(await exists())) return 'deleted';
  await clearStores();
  return new Promise((resolve, reject) => {
    const r = indexedDB.deleteDatabase(APP_DB);
    r.onsuccess = () => resolve('deleted');
    r.onerror = () => reject(r.error ?? new Error('Could not delete the database'));
    // Another connection (the app's own) is still open: the deletion is queued until it closes.
    r.onblocked = () => resolve('pending');
  });
}
