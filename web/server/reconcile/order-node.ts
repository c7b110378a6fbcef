import { z } from "zod";

const money = z.object({ shopMoney: z.object({ amount: z.string() }) });

export const lineNodeSchema = z.object({
  id: z.string(),
  title: z.string(),
  variantTitle: z.string().nullish(),
  sku: z.string().nullish(),
  quantity: z.number().int(),
  currentQuantity: z.number().int(),
  unfulfilledQuantity: z.number().int(),
  originalUnitPriceSet: money,
  totalDiscountSet: money,
  variant: z
    .object({ id: z.string(), inventoryItem: z.object({ tracked: z.boolean() }).nullish() })
    .nullish(),
  product: z.object({ id: z.string() }).nullish(),
});

const pageInfo = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() });

export const lineConnectionSchema = z.object({ pageInfo, nodes: z.array(lineNodeSchema) });

export const orderNodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullish(),
  customerLocale: z.string().nullish(),
  currencyCode: z.string(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  cancelledAt: z.string().nullish(),
  closedAt: z.string().nullish(),
  statusPageUrl: z.string().nullish(),
  totalPriceSet: money,
  customer: z
    .object({ id: z.string(), firstName: z.string().nullish(), tags: z.array(z.string()) })
    .nullish(),
  lineItems: lineConnectionSchema,
});

export const ordersPageSchema = z.object({
  orders: z.object({ pageInfo, nodes: z.array(orderNodeSchema) }),
});

export const orderLinesSchema = z.object({ order: z.object({ lineItems: lineConnectionSchema }).nullable() });

export type OrderNode = z.infer<typeof orderNodeSchema>;
export type LineNode = z.infer<typeof lineNodeSchema>;
