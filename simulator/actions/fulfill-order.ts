import { toBigId } from "../gid.ts";
import { orderPayload } from "../payloads/order-payload.ts";
import type { SimCore, WebhookEvent } from "../sim-core.ts";
import { emitEvents } from "../sim-core.ts";
import { findLevel, requireOrder } from "../store/lookups.ts";
import { SimError } from "../store/sim-error.ts";
import type { SimOrder } from "../store/store-types.ts";

export type FulfillLines = Array<{ lineItemId: bigint | string; quantity?: number }>;

/** Ships units: they leave `committed` (and so on_hand); default is everything still fulfillable. */
export function fulfillOrder(
  core: SimCore,
  shopDomain: string,
  orderId: bigint | string,
  lines?: FulfillLines,
): SimOrder {
  const order = requireOrder(core.store, shopDomain, toBigId(orderId));
  if (order.cancelledAt) throw new SimError(`order ${order.name} is cancelled`);
  const now = core.now();
  const requested = lines
    ? lines.map((line) => {
        const id = toBigId(line.lineItemId);
        const item = order.lineItems.find((l) => l.id === id);
        if (!item) throw new SimError(`unknown line item ${id}`, 404);
        return {
          item,
          quantity: Math.min(line.quantity ?? item.fulfillableQuantity, item.fulfillableQuantity),
        };
      })
    : order.lineItems.map((item) => ({ item, quantity: item.fulfillableQuantity }));
  if (requested.every(({ quantity }) => quantity <= 0))
    throw new SimError(`nothing to fulfill on ${order.name}`);
  for (const { item, quantity } of requested) {
    if (quantity <= 0) continue;
    item.fulfillableQuantity -= quantity;
    item.fulfilledQuantity += quantity;
    if (item.locationId !== null && item.inventoryItemId !== null) {
      const level = findLevel(core.store, item.inventoryItemId, item.locationId);
      if (level) {
        level.committed -= quantity;
        level.updatedAt = now;
      }
    }
  }
  const done = order.lineItems.every((item) => item.fulfillableQuantity === 0);
  order.fulfillmentStatus = done ? "fulfilled" : "partial";
  order.updatedAt = now;
  const events: WebhookEvent[] = [{ topic: "orders/updated", payload: orderPayload(core, order) }];
  events.push({
    topic: done ? "orders/fulfilled" : "orders/partially_fulfilled",
    payload: orderPayload(core, order),
  });
  emitEvents(core, shopDomain, events);
  return order;
}
