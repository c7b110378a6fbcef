import type { Db } from "../db/create-prisma.ts";
import { AppError } from "../errors.ts";
import { loadEtaShopContext } from "./eta-shop-context.ts";
import { toEtaView, type EtaView } from "./eta-view.ts";
import { selectEtaRowsByIds } from "./query-eta-rows.ts";

/** One variant's ETA view; not_found for a variant this shop does not have (or deleted). */
export async function loadEtaView(db: Db, shopId: string, variantId: bigint, now: Date): Promise<EtaView> {
  const [ctx, [row]] = await Promise.all([
    loadEtaShopContext(db, shopId),
    selectEtaRowsByIds(db, shopId, [variantId]),
  ]);
  if (!row) throw new AppError("not_found", "Unknown variant");
  return toEtaView(row, ctx, now);
}
