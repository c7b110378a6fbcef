import { LRUCache, type Perf } from "lru-cache";

/** A /proxy/eta answer, serialised once: the JSON sent, its length in bytes, and its ETag. */
export type CachedBody = { body: string; bytes: number; etag: string };

export type ProxyEtaCacheOptions = { ttlMs?: number; maxEntries?: number; perf?: Perf };

/**
 * In-process cache of /proxy/eta answers. Keys carry everything the body depends on besides the
 * rows: the shop, its etaVersion (bumped by every change of ETA inputs, stock included), its
 * today, its default lead time, and the canonical (sorted, unique) variant set. A change of any of
 * them makes old entries unreachable rather than needing a purge across web processes; the TTL and
 * the bound (least recently used out first) let them go.
 */
export function createProxyEtaCache(opts: ProxyEtaCacheOptions = {}) {
  return new LRUCache<string, CachedBody>({
    max: opts.maxEntries ?? 5_000,
    ttl: opts.ttlMs ?? 60_000,
    // A test clock is read on every lookup (no 1 ms reuse of the last reading).
    ...(opts.perf ? { perf: opts.perf, ttlResolution: 0 } : {}),
  });
}

export type ProxyEtaCache = ReturnType<typeof createProxyEtaCache>;
