import type { Db } from "../db/create-prisma.ts";
import type { AdminClient } from "../shopify/admin/create-admin-client.ts";
import { fetchInventoryItemState, fetchVariantsState } from "./fetch-variant-state.ts";
import { storeVariantState } from "./store-variant-state.ts";

export type RefreshTarget = { variantId: bigint } | { inventoryItemId: bigint };

/**
 * Re-reads a variant and its levels from the Admin API and caches them. Returns the variant id to
 * recompute, or null when Shopify no longer has it (a variant this app knew is then marked deleted).
 */
export async function refreshVariant(
  deps: { db: Db; client: () => Promise<AdminClient>; now: () => Date },
  shopId: string,
  target: RefreshTarget,
): Promise<bigint | null> {
  const client = await deps.client();
  const readAt = deps.now();
  const state =
    "variantId" in target
      ? ((await fetchVariantsState(client, [target.variantId], readAt))[0] ?? null)
      : await fetchInventoryItemState(client, target.inventoryItemId, readAt);
  if (!state) {
    if ("variantId" in target) {
      await deps.db.variant.updateMany({
        where: { shopId, variantId: target.variantId, deletedAt: null },
        data: { deletedAt: readAt },
      });
    }
    return null;
  }
  await storeVariantState(deps.db, shopId, state);
  return state.variantId;
}
