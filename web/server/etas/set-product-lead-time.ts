import { Prisma } from "@prisma/client";
import type { Queues } from "../queues/create-queues.ts";
import type { Db } from "../db/create-prisma.ts";
import { AppError } from "../errors.ts";
import { enqueueEtaChanged, enqueueEtaMetafieldSync } from "./enqueue-eta-jobs.ts";
import { loadEtaShopContext } from "./eta-shop-context.ts";
import { resolveRowEta } from "./eta-view.ts";
import { selectEtaRows } from "./query-eta-rows.ts";

/**
 * Sets (or clears, with null) a product's default lead time. Its variants without an explicit
 * date get a new ETA, so they follow the same path as an explicit change: sync, then emails for
 * those whose resolved ETA moved.
 */
export async function setProductLeadTime(
  deps: { db: Db; queues: Queues },
  shopId: string,
  productId: bigint,
  leadTimeDays: number | null,
  now: Date,
): Promise<{ productId: string; leadTimeDays: number | null; moved: bigint[] }> {
  const ctx = await loadEtaShopContext(deps.db, shopId);
  const ofProduct = [Prisma.sql`v."productId" = ${productId}`];
  const moved = await deps.db.$transaction(async (tx) => {
    const before = new Map(
      (await selectEtaRows(tx, shopId, { where: ofProduct })).map((r) => [
        r.variantId,
        resolveRowEta(r, ctx, now).eta,
      ]),
    );
    const { count } = await tx.product.updateMany({
      where: { shopId, productId, deletedAt: null },
      data: { defaultLeadTimeDays: leadTimeDays },
    });
    if (count === 0) throw new AppError("not_found", "Unknown product");
    const after = await selectEtaRows(tx, shopId, { where: ofProduct });
    return after
      .filter((r) => before.get(r.variantId) !== resolveRowEta(r, ctx, now).eta)
      .map((r) => r.variantId);
  });
  await enqueueEtaMetafieldSync(deps, shopId);
  if (moved.length > 0) await enqueueEtaChanged(deps, shopId, moved);
  return { productId: productId.toString(), leadTimeDays, moved };
}
