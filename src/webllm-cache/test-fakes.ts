/** Test doubles (used only by tests): Cache Storage kept in memory. */

/** A Cache Storage cache that keeps bodies in memory and can run out of space. */
export class FakeCache {
  entries = new Map<string, ArrayBuffer>();
  quota = Infinity;
  private url = (r: RequestInfo | URL): string =>
    typeof r === 'string' ? r : r instanceof URL ? r.href : r.url;
  match(r: RequestInfo | URL): Promise<Response | undefined> {
    const b = this.entries.get(this.url(r));
    return Promise.resolve(b && new Response(b.slice(0)));
  }
  async put(r: RequestInfo | URL, res: Response): Promise<void> {
    const b = await res.arrayBuffer();
    const used = [...this.entries.values()].reduce((s, x) => s + x.byteLength, 0);
    if (used + b.byteLength > this.quota) throw new DOMException('Quota exceeded.', 'QuotaExceededError');
    this.entries.set(this.url(r), b);
  }
  keys(): Promise<Request[]> {
    return Promise.resolve([...this.entries.keys()].map((u) => new Request(u)));
  }
  delete(r: RequestInfo | URL): Promise<boolean> {
    return Promise.resolve(this.entries.delete(this.url(r)));
  }
  add(r: RequestInfo | URL): Promise<void> {
    return Promise.reject(new Error(`web-llm would fetch ${this.url(r)}`));
  }
}

/** Named caches, made on first open (as Cache Storage does). */
export function fakeStorage(): { storage: CacheStorage; cache: (name: string) => FakeCache } {
  const all = new Map<string, FakeCache>();
  const cache = (name: string): FakeCache => {
    const c = all.get(name) ?? new FakeCache();
    all.set(name, c);
    return c;
  };
  const storage = {
    open: (name: string) => Promise.resolve(cache(name)),
    keys: () => Promise.resolve([...all.keys()]),
    has: (name: string) => Promise.resolve(all.has(name)),
    delete: (name: string) => Promise.resolve(all.delete(name)),
  } as unknown as CacheStorage;
  return { storage, cache };
}
