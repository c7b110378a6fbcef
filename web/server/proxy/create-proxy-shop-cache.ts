import type { SqlPool } from "../db/create-sql-pool.ts";

export type ProxyShop = { id: string; domain: string };

export type ProxyShopCacheOptions = { ttlMs?: number; maxEntries?: number; now?: () => number };

const QUERY = {
  name: "proxy-shop-by-domain",
  text: `SELECT "id", "domain", "uninstalledAt" IS NOT NULL AS "uninstalled" FROM "Shop" WHERE "domain" = $1`,
};

/**
 * Installed shops by domain for the app proxy's signature check, kept a few seconds: every
 * storefront request would otherwise pay a query for an answer that changes once per install.
 * An uninstall is honoured within the TTL here (GET /proxy/eta checks it at once on its own
 * fresh read). Unknown and uninstalled shops are not cached, so an install is seen immediately;
 * their requests carry our signature, so they cannot be forged to flood the database.
 * Concurrent misses of one domain share a query; entries are bounded, least recently used first out.
 */
export function createProxyShopCache(sql: SqlPool, opts: ProxyShopCacheOptions = {}) {
  const ttlMs = opts.ttlMs ?? 5_000;
  const maxEntries = opts.maxEntries ?? 10_000;
  const now = opts.now ?? Date.now;
  const entries = new Map<string, { shop: ProxyShop; expiresAt: number }>();
  const loading = new Map<string, Promise<ProxyShop | null>>();

  async function load(domain: string): Promise<ProxyShop | null> {
    try {
      const { rows } = await sql.query<ProxyShop & { uninstalled: boolean }>({ ...QUERY, values: [domain] });
      const row = rows[0];
      if (!row || row.uninstalled) {
        entries.delete(domain);
        return null;
      }
      const shop = Object.freeze({ id: row.id, domain: row.domain });
      entries.delete(domain);
      entries.set(domain, { shop, expiresAt: now() + ttlMs });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
      return shop;
    } finally {
      loading.delete(domain);
    }
  }

  /** The shop while its entry is fresh, else undefined (unknown here, not "not installed"). */
  function peek(domain: string): ProxyShop | undefined {
    const entry = entries.get(domain);
    if (!entry || entry.expiresAt <= now()) return undefined;
    entries.delete(domain);
    entries.set(domain, entry); // most recently used last
    return entry.shop;
  }

  return {
    peek,
    /** The installed shop of this domain, or null. Rejects when the database cannot answer. */
    get(domain: string): Promise<ProxyShop | null> {
      const shop = peek(domain);
      if (shop) return Promise.resolve(shop);
      let pending = loading.get(domain);
      if (!pending) {
        pending = load(domain);
        loading.set(domain, pending);
      }
      return pending;
    },
    get size() {
      return entries.size;
    },
  };
}

export type ProxyShopCache = ReturnType<typeof createProxyShopCache>;
