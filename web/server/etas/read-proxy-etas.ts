import type { Db } from "../db/create-prisma.ts";
import type { EtaShopContext } from "./eta-shop-context.ts";
import { isBackordered, resolveRowEta } from "./eta-view.ts";
import { selectEtaRowsByIds } from "./query-eta-rows.ts";

export type ProxyEtaVariant = {
  id: string;
  backordered: boolean;
  available: number;
  /** Never a past date: null when none or overdue. */
  eta: string | null;
  message: string | null;
};

/** What the storefront may know about these variants of the shop (unknown ids are left out). */
export async function readProxyEtas(
  db: Db,
  ctx: EtaShopContext,
  variantIds: readonly bigint[],
  now: Date,
): Promise<ProxyEtaVariant[]> {
  const rows = await selectEtaRowsByIds(db, ctx.shopId, variantIds);
  return rows.map((row) => {
    const resolved = resolveRowEta(row, ctx, now);
    return {
      id: row.variantId.toString(),
      backordered: isBackordered(row),
      available: row.available,
      eta: resolved.shopperEta,
      message: resolved.message,
    };
  });
}
