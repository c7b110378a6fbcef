/**
 * A small in-process cache of promises with a time to live and a size cap. Used by the send path
 * so a wave of thousands of emails reads the shop, the variant and the template once per few
 * seconds instead of once per recipient, while a merchant's edit still shows up within the TTL.
 */
export type TtlCache<V> = {
  get(key: string, load: () => Promise<V>): Promise<V>;
  clear(): void;
};

export function createTtlCache<V>(
  ttlMs: number,
  maxEntries = 2_000,
  now: () => number = Date.now,
): TtlCache<V> {
  const entries = new Map<string, { at: number; value: Promise<V> }>();
  return {
    get(key, load) {
      const hit = entries.get(key);
      const t = now();
      if (hit && t - hit.at < ttlMs) return hit.value;
      // Bounded memory: crude but enough, the working set of a worker is a few shops at a time.
      if (entries.size >= maxEntries) entries.clear();
      const value = load();
      entries.set(key, { at: t, value });
      value.catch(() => entries.delete(key));
      return value;
    },
    clear() {
      entries.clear();
    },
  };
}
