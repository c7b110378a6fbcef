import type { SqlPool } from "../db/create-sql-pool.ts";
import type { EtaShopContext } from "./eta-shop-context.ts";
import { isBackordered } from "./eta-view.ts";
import { resolveEta } from "./resolve-eta.ts";

export type ProxyEtaVariant = {
  id: string;
  /** Whether the variant sells now on backorder; the stock count itself stays private. */
  backordered: boolean;
  /** Never a past date: null when none or overdue. */
  eta: string | null;
  message: string | null;
};

// The storefront's subset of selectEtaRows (query-eta-rows.ts), same joins and rules (deleted
// variants are left out), on the hot-path pool. Ids travel as text ($2::bigint[]) so 64-bit values
// stay exact; the date as text, as node-postgres would turn a DATE into a local-time Date.
const QUERY = {
  name: "proxy-eta-rows",
  text: `SELECT v."variantId"::text AS "variantId", v."available", v."inventoryPolicy", v."tracked",
      p."defaultLeadTimeDays" AS "productLeadTimeDays", to_char(e."etaDate", 'YYYY-MM-DD') AS "etaDate",
      e."message"
    FROM "Variant" v
    LEFT JOIN "Product" p ON p."shopId" = v."shopId" AND p."productId" = v."productId"
    LEFT JOIN "VariantEta" e ON e."shopId" = v."shopId" AND e."variantId" = v."variantId"
    WHERE v."shopId" = $1 AND v."variantId" = ANY($2::bigint[]) AND v."deletedAt" IS NULL
    ORDER BY v."variantId"`,
};

type Row = {
  variantId: string;
  available: number;
  inventoryPolicy: string;
  tracked: boolean;
  productLeadTimeDays: number | null;
  etaDate: string | null;
  message: string | null;
};

/** What the storefront may know about these variants of the shop (unknown ids are left out). */
export async function readProxyEtas(
  sql: SqlPool,
  ctx: EtaShopContext,
  variantIds: readonly string[],
  now: Date,
): Promise<ProxyEtaVariant[]> {
  if (variantIds.length === 0) return [];
  const { rows } = await sql.query<Row>({ ...QUERY, values: [ctx.shopId, variantIds] });
  return rows.map((row) => {
    const resolved = resolveEta({
      variantEta: { etaDate: row.etaDate, message: row.message },
      productLeadTimeDays: row.productLeadTimeDays,
      shopLeadTimeDays: ctx.defaultLeadTimeDays,
      now,
      timezone: ctx.timezone,
    });
    return {
      id: row.variantId,
      backordered: isBackordered(row),
      eta: resolved.shopperEta,
      message: resolved.message,
    };
  });
}
