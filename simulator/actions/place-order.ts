import { toBigId } from "../gid.ts";
import { inventoryLevelPayload } from "../payloads/inventory-level-payload.ts";
import { orderPayload } from "../payloads/order-payload.ts";
import type { SimCore, WebhookEvent } from "../sim-core.ts";
import { emitEvents } from "../sim-core.ts";
import { findLevel, findVariant, levelsOfItem, requireShop } from "../store/lookups.ts";
import { SimError } from "../store/sim-error.ts";
import type { SimInventoryLevel, SimLineItem, SimLineProperty, SimOrder } from "../store/store-types.ts";
import { findOrCreateCustomer } from "./find-or-create-customer.ts";

export interface PlaceOrderInput {
  email: string;
  customerId?: bigint | string;
  customerTags?: string[];
  locale?: string;
  tags?: string[];
  /** The buyer's name on the billing and shipping address (checkout asks for it). */
  firstName?: string;
  lastName?: string;
  lines: Array<{ variantId: bigint | string; quantity: number; properties?: SimLineProperty[] }>;
}

/**
 * Checkout: for tracked variants, moves units from `available` to `committed` at the first
 * location holding enough stock (else the first location). DENY variants without enough stock
 * reject the whole order; CONTINUE variants may drive `available` negative.
 */
export function placeOrder(core: SimCore, shopDomain: string, input: PlaceOrderInput): SimOrder {
  const { store } = core;
  const shop = requireShop(store, shopDomain);
  if (input.lines.length === 0) throw new SimError("an order needs at least one line");
  const now = core.now();
  const planned = new Map<SimInventoryLevel, number>();
  const lines: SimLineItem[] = input.lines.map((line) => {
    const variantId = toBigId(line.variantId);
    const variant = findVariant(store, shopDomain, variantId);
    if (!variant) throw new SimError(`unknown variant ${variantId}`, 404);
    if (!Number.isInteger(line.quantity) || line.quantity <= 0)
      throw new SimError("quantity must be positive");
    const properties = checkProperties(line.properties);
    const product = store.products.get(variant.productId)!;
    const item = store.inventoryItems.get(variant.inventoryItemId)!;
    let locationId: bigint | null = null;
    if (item.tracked) {
      const levels = levelsOfItem(store, item);
      const free = (level: SimInventoryLevel) => level.available - (planned.get(level) ?? 0);
      const level =
        levels.find((l) => free(l) >= line.quantity) ??
        findLevel(store, item.id, shop.locationIds[0]!) ??
        levels[0];
      if (!level) throw new SimError(`variant ${variant.id} is not stocked at any location`);
      if (variant.inventoryPolicy === "DENY" && free(level) < line.quantity) {
        throw new SimError(`not enough stock for ${product.title} - ${variant.title}`);
      }
      planned.set(level, (planned.get(level) ?? 0) + line.quantity);
      locationId = level.locationId;
    }
    return {
      id: store.nextId(),
      variantId: variant.id,
      productId: product.id,
      title: product.title,
      variantTitle: variant.title === "Default Title" ? null : variant.title,
      sku: variant.sku,
      price: variant.price,
      quantity: line.quantity,
      currentQuantity: line.quantity,
      fulfillableQuantity: line.quantity,
      fulfilledQuantity: 0,
      inventoryItemId: item.id,
      locationId,
      tracked: item.tracked,
      inventoryPolicy: variant.inventoryPolicy,
      properties,
    };
  });
  const customer = findOrCreateCustomer(core, shopDomain, {
    email: input.email,
    customerId: input.customerId === undefined ? undefined : toBigId(input.customerId),
    customerTags: input.customerTags,
    locale: input.locale,
    ...(input.firstName ? { firstName: input.firstName } : {}),
    ...(input.lastName ? { lastName: input.lastName } : {}),
  });
  for (const [level, quantity] of planned) {
    level.available -= quantity;
    level.committed += quantity;
    level.updatedAt = now;
  }
  shop.orderCount += 1;
  const number = 1000 + shop.orderCount;
  const order: SimOrder = {
    id: store.nextId(),
    shopDomain,
    number,
    name: `#${number}`,
    email: input.email,
    customerId: customer.id,
    locale: input.locale ?? customer.locale,
    tags: [...new Set(input.tags ?? [])],
    currency: shop.currency,
    billingAddress:
      input.firstName || input.lastName
        ? { firstName: input.firstName ?? null, lastName: input.lastName ?? null }
        : null,
    lineItems: lines,
    financialStatus: "paid",
    fulfillmentStatus: null,
    cancelledAt: null,
    cancelReason: null,
    closedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  store.orders.set(order.id, order);
  const events: WebhookEvent[] = [{ topic: "orders/create", payload: orderPayload(core, order) }];
  for (const level of planned.keys()) {
    events.push({
      topic: "inventory_levels/update",
      payload: inventoryLevelPayload(level, shop.ianaTimezone),
    });
  }
  emitEvents(core, shopDomain, events);
  return order;
}

// Shopify stores each property as a name/value pair of strings (Admin API's LineItem
// `customAttributes`, the webhook's `line_items[].properties`).
function checkProperties(properties: unknown): SimLineProperty[] {
  if (properties === undefined) return [];
  const valid =
    Array.isArray(properties) &&
    properties.every(
      (p: unknown) =>
        typeof p === "object" &&
        p !== null &&
        typeof (p as SimLineProperty).name === "string" &&
        (p as SimLineProperty).name !== "" &&
        typeof (p as SimLineProperty).value === "string",
    );
  if (!valid) throw new SimError("properties must be a list of { name, value } strings");
  return (properties as SimLineProperty[]).map(({ name, value }) => ({ name, value }));
}
