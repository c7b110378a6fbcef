import { gidToId } from "../inventory/variant-state.ts";
import type { LineNode, OrderNode } from "./order-node.ts";

/**
 * An order read from the Admin API, written as the orders/* webhook payload (the REST order) so it
 * goes through the very handlers a delivery goes through. Only the fields those handlers read are
 * written, with the REST names and meanings: `fulfillable_quantity` is the units still to ship
 * (unfulfilled, never more than the current quantity), `variant_inventory_management` is
 * "shopify" for a tracked variant, ids are the numeric ids (as text). Pure.
 */
export function toOrderWebhookPayload(order: OrderNode, lines: readonly LineNode[]): Record<string, unknown> {
  const id = (gid: string | undefined | null) => (gid ? gidToId(gid).toString() : null);
  return {
    id: id(order.id),
    admin_graphql_api_id: order.id,
    name: order.name,
    email: order.email ?? null,
    contact_email: order.email ?? null,
    customer_locale: order.customerLocale ?? null,
    currency: order.currencyCode,
    total_price: order.totalPriceSet.shopMoney.amount,
    tags: order.tags.join(", "),
    created_at: order.createdAt,
    updated_at: order.updatedAt,
    cancelled_at: order.cancelledAt ?? null,
    closed_at: order.closedAt ?? null,
    order_status_url: order.statusPageUrl ?? null,
    customer: order.customer
      ? {
          id: id(order.customer.id),
          first_name: order.customer.firstName ?? null,
          tags: order.customer.tags.join(", "),
        }
      : null,
    line_items: lines.map((line) => ({
      id: id(line.id),
      admin_graphql_api_id: line.id,
      variant_id: id(line.variant?.id),
      product_id: id(line.product?.id),
      title: line.title,
      variant_title: line.variantTitle ?? null,
      sku: line.sku ?? null,
      quantity: line.quantity,
      current_quantity: line.currentQuantity,
      fulfillable_quantity: Math.max(0, Math.min(line.unfulfilledQuantity, line.currentQuantity)),
      price: line.originalUnitPriceSet.shopMoney.amount,
      total_discount: line.totalDiscountSet.shopMoney.amount,
      variant_inventory_management: line.variant?.inventoryItem?.tracked ? "shopify" : null,
    })),
  };
}
