import type { SqlPool } from "../db/create-sql-pool.ts";
import { coalesceFreshReads } from "./coalesce-fresh-reads.ts";
import type { EtaShopContext } from "./eta-shop-context.ts";
import { validTimezone } from "./timezone-formats.ts";

/** What GET /proxy/eta needs of the shop on every request; null when the shop is gone or uninstalled. */
export type ProxyShopContextReader = (shopId: string) => Promise<EtaShopContext | null>;

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

/**
 * Read fresh for every request, never from a timed cache: etaVersion is how a change made in another
 * process (an ETA edit, a stock move in the worker) reaches this process's response cache at once.
 * Concurrent requests of one shop share a read that started after they arrived (coalesceFreshReads).
 */
export function createProxyShopContextReader(sql: SqlPool): ProxyShopContextReader {
  return coalesceFreshReads(async (shopId) => {
    const { rows } = await sql.query<Row>({ ...QUERY, values: [shopId] });
    const row = rows[0];
    if (!row || row.uninstalled) return null;
    return {
      shopId,
      timezone: validTimezone(row.timezone),
      defaultLeadTimeDays: row.defaultLeadTimeDays,
      etaVersion: row.etaVersion,
    };
  });
}
