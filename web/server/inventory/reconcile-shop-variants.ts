import type { Db } from "../db/create-prisma.ts";
import type { AdminClient } from "../shopify/admin/create-admin-client.ts";
import { fetchVariantsState, VARIANTS_PER_READ } from "./fetch-variant-state.ts";
import { listVariantsToReconcile } from "./list-variants-to-reconcile.ts";
import { storeVariantState } from "./store-variant-state.ts";

/**
 * Re-reads the variants that matter (see listVariantsToReconcile) from the Admin API, a batch per call,
 * so a missed or mangled webhook is corrected on the next run. Returns the variants to recompute.
 */
export async function reconcileShopVariants(
  deps: { db: Db; client: () => Promise<AdminClient>; now: () => Date },
  shopId: string,
): Promise<bigint[]> {
  const ids = await listVariantsToReconcile(deps.db, shopId);
  if (ids.length === 0) return [];
  const client = await deps.client();
  for (let i = 0; i < ids.length; i += VARIANTS_PER_READ) {
    const batch = ids.slice(i, i + VARIANTS_PER_READ);
    const readAt = deps.now();
    const states = await fetchVariantsState(client, batch, readAt);
    for (const state of states) await storeVariantState(deps.db, shopId, state);
    const found = new Set(states.map((s) => s.variantId));
    const gone = batch.filter((id) => !found.has(id));
    if (gone.length > 0) {
      await deps.db.variant.updateMany({
        where: { shopId, variantId: { in: gone }, deletedAt: null },
        data: { deletedAt: readAt },
      });
    }
  }
  return ids;
}
