export type CachedBody = { body: string; etag: string };

/**
 * A small in-process cache of /proxy/eta bodies. Keys carry everything the body depends on besides
 * the rows (the shop's etaVersion, its today, its default lead time), so a change of any of them
 * makes old entries unreachable rather than needing a purge across web processes; the TTL and the
 * size bound let them go.
 */
export function createProxyEtaCache(opts: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}) {
  const ttlMs = opts.ttlMs ?? 60_000;
  const maxEntries = opts.maxEntries ?? 5_000;
  const now = opts.now ?? Date.now;
  const entries = new Map<string, CachedBody & { expiresAt: number }>();
  return {
    get(key: string): CachedBody | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      if (entry.expiresAt <= now()) return undefined;
      entries.set(key, entry); // most recently used last
      return { body: entry.body, etag: entry.etag };
    },
    set(key: string, value: CachedBody): void {
      entries.delete(key);
      entries.set(key, { body: value.body, etag: value.etag, expiresAt: now() + ttlMs });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    get size() {
      return entries.size;
    },
  };
}

export type ProxyEtaCache = ReturnType<typeof createProxyEtaCache>;
