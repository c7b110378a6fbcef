import { z } from "zod";
import { toBigInt } from "../shopify-id.ts";

const id = z.unknown().transform((value, ctx) => {
  const parsed = toBigInt(value);
  if (parsed === null) ctx.addIssue({ code: "custom", message: "expected an integer id" });
  return parsed ?? 0n;
});
const optionalId = z.unknown().transform((value) => (value == null ? null : toBigInt(value)));
const date = z.string().transform((value, ctx) => {
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) ctx.addIssue({ code: "custom", message: "expected a date" });
  return parsed;
});
const money = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v == null ? null : String(v)));

const lineSchema = z.object({
  id,
  variant_id: optionalId,
  product_id: optionalId,
  title: z.string().nullish(),
  variant_title: z.string().nullish(),
  sku: z.string().nullish(),
  quantity: z.number().int(),
  fulfillable_quantity: z.number().int().nullish(),
  price: money,
  // "shopify" when the variant tracks inventory; null for untracked variants (never backordered).
  variant_inventory_management: z.string().nullish(),
});

/** The fields of orders/create|updated|cancelled|fulfilled the backorder engine uses. */
export const orderPayloadSchema = z.object({
  id,
  name: z.string().nullish(),
  email: z.string().nullish(),
  contact_email: z.string().nullish(),
  customer_locale: z.string().nullish(),
  currency: z.string().nullish(),
  total_price: money,
  tags: z.string().nullish(),
  created_at: date,
  updated_at: date.nullish(),
  cancelled_at: date.nullish(),
  closed_at: date.nullish(),
  order_status_url: z.string().nullish(),
  customer: z
    .object({ id: optionalId, first_name: z.string().nullish(), tags: z.string().nullish() })
    .nullish(),
  // A guest's name is only on the addresses (and all of them are protected customer data).
  billing_address: z.object({ first_name: z.string().nullish() }).nullish(),
  shipping_address: z.object({ first_name: z.string().nullish() }).nullish(),
  line_items: z.array(lineSchema),
});

export type OrderSnapshot = {
  orderId: bigint;
  name: string | null;
  email: string | null;
  locale: string | null;
  currency: string | null;
  totalPrice: string | null;
  tags: string[];
  customerId: bigint | null;
  customerFirstName: string | null;
  customerTags: string[];
  statusUrl: string | null;
  placedAt: Date;
  updatedAt: Date;
  cancelledAt: Date | null;
  closedAt: Date | null;
  lines: OrderLineSnapshot[];
};

export type OrderLineSnapshot = {
  lineItemId: bigint;
  variantId: bigint | null;
  productId: bigint | null;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  quantity: number;
  /** Units not yet fulfilled; 0 once the order is cancelled. */
  openQuantity: number;
  price: string | null;
  tracked: boolean;
};

const splitTags = (tags: string | null | undefined) =>
  (tags ?? "")
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);

/** The customer's first name, else the billing address's, else the shipping address's; blank is none. */
function firstNameOf(order: z.infer<typeof orderPayloadSchema>): string | null {
  const names = [
    order.customer?.first_name,
    order.billing_address?.first_name,
    order.shipping_address?.first_name,
  ];
  return names.map((name) => name?.trim()).find((name) => Boolean(name)) ?? null;
}

export function parseOrderPayload(payload: unknown): OrderSnapshot {
  const order = orderPayloadSchema.parse(payload);
  const cancelled = order.cancelled_at != null;
  return {
    orderId: order.id,
    name: order.name ?? null,
    email: order.email || order.contact_email || null,
    locale: order.customer_locale ?? null,
    currency: order.currency ?? null,
    totalPrice: order.total_price,
    tags: splitTags(order.tags),
    customerId: order.customer?.id ?? null,
    customerFirstName: firstNameOf(order),
    customerTags: splitTags(order.customer?.tags),
    statusUrl: order.order_status_url ?? null,
    placedAt: order.created_at,
    updatedAt: order.updated_at ?? order.created_at,
    cancelledAt: order.cancelled_at ?? null,
    closedAt: order.closed_at ?? null,
    lines: order.line_items.map((line) => ({
      lineItemId: line.id,
      variantId: line.variant_id,
      productId: line.product_id,
      title: line.title ?? "",
      variantTitle: line.variant_title ?? null,
      sku: line.sku ?? null,
      quantity: line.quantity,
      openQuantity: cancelled ? 0 : Math.max(0, line.fulfillable_quantity ?? line.quantity),
      price: line.price,
      tracked: line.variant_inventory_management === "shopify",
    })),
  };
}
