import { toBigId } from "../gid.ts";
import { inventoryLevelPayload } from "../payloads/inventory-level-payload.ts";
import { orderPayload } from "../payloads/order-payload.ts";
import type { SimCore, WebhookEvent } from "../sim-core.ts";
import { emitEvents } from "../sim-core.ts";
import { findLevel, requireOrder, requireShop } from "../store/lookups.ts";
import { SimError } from "../store/sim-error.ts";
import type { SimInventoryLevel, SimOrder } from "../store/store-types.ts";

export interface CancelOrderInput {
  restock: boolean;
  reason?: "customer" | "inventory" | "fraud" | "declined" | "other";
}

/**
 * Releases the unfulfilled units from `committed`. With restock they return to `available`;
 * without, they are written off (on_hand drops), as when the merchant unticks "Restock items".
 */
export function cancelOrder(
  core: SimCore,
  shopDomain: string,
  orderId: bigint | string,
  input: CancelOrderInput,
): SimOrder {
  const shop = requireShop(core.store, shopDomain);
  const order = requireOrder(core.store, shopDomain, toBigId(orderId));
  if (order.cancelledAt) throw new SimError(`order ${order.name} is already cancelled`);
  const now = core.now();
  const restocked = new Set<SimInventoryLevel>();
  for (const line of order.lineItems) {
    const open = line.fulfillableQuantity;
    if (open > 0 && line.locationId !== null && line.inventoryItemId !== null) {
      const level = findLevel(core.store, line.inventoryItemId, line.locationId);
      if (level) {
        level.committed -= open;
        if (input.restock) {
          level.available += open;
          restocked.add(level);
        }
        level.updatedAt = now;
      }
    }
    line.currentQuantity -= open;
    line.fulfillableQuantity = 0;
  }
  order.cancelledAt = now;
  order.cancelReason = input.reason ?? "customer";
  order.closedAt = now;
  order.financialStatus = "refunded";
  order.updatedAt = now;
  const payload = orderPayload(core, order);
  const events: WebhookEvent[] = [
    { topic: "orders/cancelled", payload },
    { topic: "orders/updated", payload },
  ];
  for (const level of restocked) {
    events.push({
      topic: "inventory_levels/update",
      payload: inventoryLevelPayload(level, shop.ianaTimezone),
    });
  }
  emitEvents(core, shopDomain, events);
  return order;
}
