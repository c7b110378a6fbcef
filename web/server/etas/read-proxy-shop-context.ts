import { LRUCache, type Perf } from "lru-cache";
import type { SqlPool } from "../db/create-sql-pool.ts";
import type { MaybePromise } from "../maybe-promise.ts";
import type { EtaShopContext } from "./eta-shop-context.ts";
import { validTimezone } from "./timezone-formats.ts";

/**
 * What GET /proxy/eta needs of the shop on every request; null when the shop is gone or uninstalled.
 * Answered at once (no promise) while the shop's last read is fresh.
 */
export type ProxyShopContextReader = (shopId: string) => MaybePromise<EtaShopContext | null>;

/**
 * How long a read of the shop's ETA version, settings and install state is reused. Every change a
 * shopper can see (an ETA edit, a stock move, a settings change, an uninstall) is seen by every
 * web process within this, well inside the 5 s docs/ingress-performance.md promises.
 */
export const PROXY_CONTEXT_TTL_MS = 2_000;

// One statement for what used to be two Prisma queries (shop, then its settings); named so each
// connection parses and plans it once.
const QUERY = {
  name: "proxy-eta-shop-context",
  text: `SELECT s."uninstalledAt" IS NOT NULL AS "uninstalled", s."etaVersion", s."timezone",
      ss."defaultLeadTimeDays"
    FROM "Shop" s LEFT JOIN "ShopSettings" ss ON ss."shopId" = s."id"
    WHERE s."id" = $1`,
};

type Row = {
  uninstalled: boolean;
  etaVersion: number;
  timezone: string | null;
  defaultLeadTimeDays: number | null;
};

export type ProxyShopContextOptions = { ttlMs?: number; maxEntries?: number; perf?: Perf };

/**
 * The shop's context, read at most once per TTL per shop in this process (concurrent misses share
 * one query); a failed read is not kept. Bounded: least recently used shops go first.
 */
export function createProxyShopContextReader(
  sql: SqlPool,
  opts: ProxyShopContextOptions = {},
): ProxyShopContextReader {
  const cache = new LRUCache<string, { ctx: EtaShopContext | null }>({
    max: opts.maxEntries ?? 10_000,
    ttl: opts.ttlMs ?? PROXY_CONTEXT_TTL_MS,
    // A test clock is read on every lookup (no 1 ms reuse of the last reading).
    ...(opts.perf ? { perf: opts.perf, ttlResolution: 0 } : {}),
    fetchMethod: async (shopId) => {
      const { rows } = await sql.query<Row>({ ...QUERY, values: [shopId] });
      const row = rows[0];
      if (!row || row.uninstalled) return { ctx: null };
      return {
        ctx: {
          shopId,
          timezone: validTimezone(row.timezone),
          defaultLeadTimeDays: row.defaultLeadTimeDays,
          etaVersion: row.etaVersion,
        },
      };
    },
  });
  return (shopId) => {
    const entry = cache.get(shopId);
    if (entry) return entry.ctx;
    return cache.fetch(shopId).then((fetched) => fetched?.ctx ?? null);
  };
}
