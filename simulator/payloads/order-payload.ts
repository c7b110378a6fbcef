import { gid } from "../gid.ts";
import type { SimCore } from "../sim-core.ts";
import { payloadTime } from "../sim-core.ts";
import type { SimAddress, SimLineItem, SimOrder } from "../store/store-types.ts";
import { orderStatusLink } from "../storefront/storefront-urls.ts";
import { customerPayload } from "./customer-payload.ts";
import { fromCents, moneySet, toCents } from "./money.ts";

/** orders/create, orders/updated, orders/cancelled, orders/fulfilled: one shape (docs/shopify-platform.md, "Webhook payloads"). */
export function orderPayload(core: SimCore, order: SimOrder): Record<string, unknown> {
  const shop = core.store.shops.get(order.shopDomain)!;
  const time = (date: Date | null) => payloadTime(date, shop.ianaTimezone);
  const original = order.lineItems.reduce(
    (sum, line) => sum + toCents(line.price) * BigInt(line.quantity),
    0n,
  );
  const current = order.lineItems.reduce(
    (sum, line) => sum + toCents(line.price) * BigInt(line.currentQuantity),
    0n,
  );
  const customer = core.store.customers.get(order.customerId);
  const zero = fromCents(0n);
  return {
    id: order.id,
    admin_graphql_api_id: gid("Order", order.id),
    app_id: null,
    buyer_accepts_marketing: false,
    cancel_reason: order.cancelReason,
    cancelled_at: time(order.cancelledAt),
    closed_at: time(order.closedAt),
    confirmation_number: `SIM${order.number}`,
    confirmed: true,
    contact_email: order.email,
    created_at: time(order.createdAt),
    currency: order.currency,
    current_subtotal_price: fromCents(current),
    current_subtotal_price_set: moneySet(fromCents(current), order.currency),
    current_total_discounts: zero,
    current_total_price: fromCents(current),
    current_total_price_set: moneySet(fromCents(current), order.currency),
    current_total_tax: zero,
    customer_locale: order.locale,
    discount_codes: [],
    email: order.email,
    financial_status: order.financialStatus,
    fulfillment_status: order.fulfillmentStatus,
    name: order.name,
    note: null,
    note_attributes: [],
    number: order.number - 1000,
    order_number: order.number,
    order_status_url: orderStatusUrl(core, order),
    phone: null,
    presentment_currency: order.currency,
    processed_at: time(order.createdAt),
    source_name: "web",
    subtotal_price: fromCents(original),
    subtotal_price_set: moneySet(fromCents(original), order.currency),
    tags: order.tags.join(", "),
    taxes_included: false,
    test: false,
    total_discounts: zero,
    total_line_items_price: fromCents(original),
    total_outstanding: zero,
    total_price: fromCents(original),
    total_price_set: moneySet(fromCents(original), order.currency),
    total_tax: zero,
    updated_at: time(order.updatedAt),
    customer: customer ? customerPayload(customer, shop.ianaTimezone) : null,
    billing_address: addressPayload(order.billingAddress ?? null),
    shipping_address: addressPayload(order.billingAddress ?? null),
    line_items: order.lineItems.map((line) => lineItemPayload(line, order.currency)),
    fulfillments: [],
    refunds: [],
  };
}

/** The customer's order status page (REST `order_status_url`, GraphQL `statusPageUrl`). */
export function orderStatusUrl(core: SimCore, order: SimOrder): string {
  const shop = core.store.shops.get(order.shopDomain)!;
  return orderStatusLink(core.origin(), core.apiSecret, shop.id, order.id);
}

/** Only the name: the simulator's checkout records no street address. */
function addressPayload(address: SimAddress | null): Record<string, unknown> | null {
  if (!address) return null;
  const name = [address.firstName, address.lastName].filter(Boolean).join(" ");
  return {
    first_name: address.firstName,
    last_name: address.lastName,
    name,
    address1: null,
    address2: null,
    city: null,
    zip: null,
    province: null,
    country: null,
    company: null,
    phone: null,
    latitude: null,
    longitude: null,
    country_code: null,
    province_code: null,
  };
}

function lineItemPayload(line: SimLineItem, currency: string): Record<string, unknown> {
  return {
    id: line.id,
    admin_graphql_api_id: gid("LineItem", line.id),
    current_quantity: line.currentQuantity,
    fulfillable_quantity: line.fulfillableQuantity,
    fulfillment_service: "manual",
    fulfillment_status: lineFulfillmentStatus(line),
    gift_card: false,
    grams: 0,
    name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
    price: line.price,
    price_set: moneySet(line.price, currency),
    product_exists: line.productId !== null,
    product_id: line.productId,
    properties: (line.properties ?? []).map(({ name, value }) => ({ name, value })),
    quantity: line.quantity,
    requires_shipping: true,
    sku: line.sku,
    taxable: true,
    title: line.title,
    total_discount: "0.00",
    variant_id: line.variantId,
    variant_inventory_management: line.tracked ? "shopify" : null,
    variant_title: line.variantTitle,
    vendor: null,
    tax_lines: [],
    discount_allocations: [],
  };
}

function lineFulfillmentStatus(line: SimLineItem): string | null {
  if (line.fulfilledQuantity === 0) return null;
  return line.fulfillableQuantity === 0 ? "fulfilled" : "partial";
}
