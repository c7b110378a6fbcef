import type { Db } from "../db/create-prisma.ts";

/**
 * Variants whose stock matters right now: live backorders, open order lines (a missed inventory
 * webhook could hide a deficit), and active back-in-stock subscriptions.
 */
export async function listVariantsToReconcile(db: Db, shopId: string): Promise<bigint[]> {
  const [backorders, lines, subscriptions] = await Promise.all([
    db.backorderLine.findMany({
      where: { shopId, status: { in: ["OPEN", "READY"] } },
      distinct: ["variantId"],
      select: { variantId: true },
    }),
    db.orderLine.findMany({
      where: { shopId, openQuantity: { gt: 0 }, variantId: { not: null } },
      distinct: ["variantId"],
      select: { variantId: true },
    }),
    db.subscription.findMany({
      where: { shopId, status: "ACTIVE" },
      distinct: ["variantId"],
      select: { variantId: true },
    }),
  ]);
  const ids = new Set<bigint>();
  for (const row of [...backorders, ...lines, ...subscriptions])
    if (row.variantId !== null) ids.add(row.variantId);
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
