import type { Prisma } from "@prisma/client";
import type { Db } from "../db/create-prisma.ts";

/** Lines matched by ids as strings past this many are refused by the schema (a page is 100 at most). */
export const MAX_SELECTED_LINES = 250;

/**
 * The Backorders list's search box: a line matches when its order's name ("#1042"), its customer's
 * first name or email, its product title or its variant's SKU or title contains the text
 * (case-insensitive). Three indexed look-ups by shop, then one condition on the lines.
 */
export async function backorderSearchWhere(
  db: Db,
  shopId: string,
  text: string,
): Promise<Prisma.BackorderLineWhereInput> {
  const contains = { contains: text, mode: "insensitive" as const };
  const [orders, lines, variants] = await Promise.all([
    db.order.findMany({
      where: { shopId, OR: [{ name: contains }, { email: contains }, { customerFirstName: contains }] },
      select: { orderId: true },
      take: 1_000,
    }),
    db.orderLine.findMany({ where: { shopId, title: contains }, select: { lineItemId: true }, take: 1_000 }),
    db.variant.findMany({
      where: { shopId, OR: [{ sku: contains }, { title: contains }] },
      select: { variantId: true },
      take: 1_000,
    }),
  ]);
  return {
    OR: [
      { orderId: { in: orders.map((o) => o.orderId) } },
      { lineItemId: { in: lines.map((l) => l.lineItemId) } },
      { variantId: { in: variants.map((v) => v.variantId) } },
    ],
  };
}
