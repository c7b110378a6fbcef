import { z } from "zod";
import { shopifyIdSchema } from "../shopify-id.ts";

// The /api/v1 response bodies as zod schemas: the OpenAPI document is generated from them and the
// handlers' results are typed by them (defineV1Route), so a field the code adds must be added here.

/** Every refusal (docs/api-errors.md). */
export const errorBodySchema = z
  .object({
    error: z.string(),
    message: z.string().optional(),
    details: z.unknown().optional(),
  })
  .meta({ id: "Error" });

const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

export const variantIdParams = z.strictObject({ variantId: shopifyIdSchema });

/** Keyset pages: `nextCursor` is null on the last page. */
export const cursorQuery = {
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/)
    .optional()
    .describe("nextCursor of the previous page"),
  limit: z.coerce.number().int().min(1).max(100).default(50),
};

export const backorderLineSchema = z
  .object({
    id: z.uuid(),
    orderId: z.string(),
    orderName: z.string().nullable(),
    customer: z.string().nullable(),
    customerEmail: z.string().nullable(),
    lineItemId: z.string(),
    variantId: z.string(),
    productId: z.string().nullable(),
    productTitle: z.string().nullable(),
    variantTitle: z.string().nullable(),
    sku: z.string().nullable(),
    status: z.string().describe("OPEN, READY, FULFILLED or CANCELLED"),
    quantity: z.int(),
    backorderedQuantity: z.int(),
    orderedQuantity: z.int().nullable(),
    initialBackorderedQuantity: z.int().nullable(),
    peakBackorderedQuantity: z.int().nullable(),
    backorderType: z.enum(["partial", "full"]).nullable(),
    history: z.array(
      z.object({
        at: isoDateTime,
        kind: z.string(),
        status: z.string(),
        quantity: z.int(),
        backorderedQuantity: z.int(),
      }),
    ),
    etaAtOrder: isoDate.nullable(),
    etaCurrent: isoDate.nullable(),
    placedAt: isoDateTime,
    openedAt: isoDateTime,
    readyAt: isoDateTime.nullable(),
    fulfilledAt: isoDateTime.nullable(),
    cancelledAt: isoDateTime.nullable(),
  })
  .meta({ id: "BackorderLine" });

export const etaViewSchema = z
  .object({
    variantId: z.string(),
    productId: z.string(),
    productTitle: z.string().nullable(),
    variantTitle: z.string(),
    sku: z.string().nullable(),
    available: z.int(),
    inventoryPolicy: z.string(),
    tracked: z.boolean(),
    backordered: z.boolean(),
    explicit: z
      .object({ eta: isoDate.nullable(), message: z.string().nullable(), source: z.string() })
      .nullable(),
    productLeadTimeDays: z.int().nullable(),
    eta: isoDate.nullable(),
    etaSource: z.enum(["variant", "product", "shop", "none"]),
    message: z.string().nullable(),
    overdue: z.boolean(),
    shopperEta: isoDate.nullable(),
  })
  .meta({ id: "VariantEta" });

export const subscriptionSchema = z
  .object({
    id: z.uuid(),
    variantId: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    status: z.string().describe("PENDING, ACTIVE, NOTIFIED, UNSUBSCRIBED or EXPIRED"),
    locale: z.string(),
    marketingConsent: z.boolean(),
    createdAt: isoDateTime,
    confirmedAt: isoDateTime.nullable(),
    notifiedAt: isoDateTime.nullable(),
  })
  .meta({ id: "Subscription" });

export const metricsSchema = z
  .object({
    from: isoDateTime,
    to: isoDateTime,
    openLines: z.int(),
    openUnits: z.int(),
    openOrders: z.int(),
    backorderRate: z.number(),
    avgDurationHours: z.number().nullable(),
    p90DurationHours: z.number().nullable(),
    mix: z.object({
      partialLines: z.int(),
      fullLines: z.int(),
      partialBackorderedUnits: z.int(),
      partialOrderedUnits: z.int(),
      fullBackorderedUnits: z.int(),
      partialLineShare: z.number(),
      partialBackorderedShare: z.number(),
      backorderedUnitShare: z.number(),
      unknownLines: z.int(),
    }),
    unitsByVariant: z.array(z.object({ variantId: z.string(), units: z.int() })),
  })
  .meta({ id: "BackorderMetrics" });
