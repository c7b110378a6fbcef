import { z } from "zod";
import { listBackordersByCursor } from "../backorders/list-backorders-by-cursor.ts";
import { shopifyIdSchema } from "../shopify-id.ts";
import { defineV1Route } from "./v1-route.ts";
import { backorderLineSchema, cursorQuery } from "./v1-schemas.ts";

const STATUSES = ["OPEN", "READY", "FULFILLED", "CANCELLED"] as const;

export const listBackordersQuery = z.strictObject({
  status: z
    .string()
    .regex(/^[A-Z,]+$/)
    .describe("One status or a comma-separated list: OPEN, READY, FULFILLED, CANCELLED")
    .transform((v) => v.split(",").filter(Boolean))
    .pipe(z.array(z.enum(STATUSES)))
    .optional(),
  variant: shopifyIdSchema.describe("Variant id").optional(),
  order: shopifyIdSchema.describe("Order id").optional(),
  ...cursorQuery,
});

export const v1BackorderRoutes = [
  defineV1Route({
    method: "get",
    path: "/backorders",
    operationId: "listBackorders",
    summary: "Backorder lines, oldest line item first, in keyset pages",
    tag: "Backorders",
    query: listBackordersQuery,
    responses: {
      200: {
        description: "A page of backorder lines",
        schema: z.object({ items: z.array(backorderLineSchema), nextCursor: z.string().nullable() }),
      },
    },
    handle: async ({ deps, shopId, query }) => {
      const page = await listBackordersByCursor(
        deps.db,
        shopId,
        {
          status: query.status,
          variant: query.variant === undefined ? undefined : BigInt(query.variant),
          order: query.order === undefined ? undefined : BigInt(query.order),
          cursor: query.cursor,
          limit: query.limit,
        },
        deps.now(),
      );
      return { status: 200, body: page };
    },
  }),
];
