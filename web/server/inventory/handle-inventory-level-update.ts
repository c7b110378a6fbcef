import { z } from "zod";
import { applyInventoryLevel } from "./apply-inventory-level.ts";
import { toBigInt } from "../shopify-id.ts";
import type { TopicHandler } from "../webhooks/topic-handler-type.ts";
import { enqueueRecompute, enqueueRefresh } from "../queues/enqueue-variant-work.ts";

const bigId = z
  .unknown()
  .transform((v, ctx) => toBigInt(v) ?? (ctx.addIssue({ code: "custom", message: "id" }), 0n));

const payloadSchema = z.object({
  inventory_item_id: bigId,
  location_id: bigId,
  available: z.number().int().nullable(),
  updated_at: z.string().transform((v) => new Date(v)),
});

/**
 * inventory_levels/update carries one item at one location (Shopify's inventory_levels/update payload). The level is stored
 * unless a newer one is; the variant's available over counted locations is summed at recompute.
 * What cannot be trusted is re-read from the Admin API: an item this app has never seen, a payload
 * with no `available`, or two different values with the same (whole second) timestamp.
 */
export const handleInventoryLevelUpdate: TopicHandler = async ({ deps, shop }, payload) => {
  const level = payloadSchema.parse(payload);
  const variant = await deps.db.variant.findFirst({
    where: { shopId: shop.id, inventoryItemId: level.inventory_item_id },
    select: { variantId: true },
  });
  if (level.available === null) {
    await enqueueRefresh(deps.queues, shop.id, { inventoryItemId: level.inventory_item_id });
    return;
  }
  const outcome = await applyInventoryLevel(deps.db, shop.id, {
    inventoryItemId: level.inventory_item_id,
    locationId: level.location_id,
    available: level.available,
    updatedAt: level.updated_at,
  });
  if (!variant || outcome === "ambiguous") {
    await enqueueRefresh(deps.queues, shop.id, { inventoryItemId: level.inventory_item_id });
  }
  if (variant && outcome === "applied") await enqueueRecompute(deps.queues, shop.id, [variant.variantId]);
};
