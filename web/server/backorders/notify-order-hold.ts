import type { Db } from "../db/create-prisma.ts";

/**
 * Backorder emails wait for the shop's earlier webhooks. Shopify's `available` already counts
 * every order, so while an older event sits unprocessed (its worker crashed and the job waits
 * for its lock to run out, or a backlog), the orders we know of can look backordered when the
 * unknown, newer ones are the ones short. Deciding emails then would tell a served customer
 * "backordered", and a minute later "ready". So notify-order holds while any event the shop
 * sent before the job was enqueued is still unprocessed, up to a bound: a stuck event never
 * holds a customer's email for more than a couple of minutes.
 */
export const NOTIFY_HOLD_POLL_MS = 2_000;
export const NOTIFY_HOLD_MAX_MS = 120_000;

/** When to look again, or null to decide now. Pure. */
export function notifyHoldUntil(input: {
  earlierUnprocessed: number;
  enqueuedAtMs: number;
  nowMs: number;
}): Date | null {
  if (input.earlierUnprocessed === 0) return null;
  if (input.nowMs - input.enqueuedAtMs >= NOTIFY_HOLD_MAX_MS) return null;
  return new Date(input.nowMs + NOTIFY_HOLD_POLL_MS);
}

/** Webhook events of the shop recorded before `before` and not processed yet. */
export async function countEarlierUnprocessedEvents(db: Db, shopId: string, before: Date): Promise<number> {
  const shop = await db.shop.findUnique({ where: { id: shopId }, select: { domain: true } });
  if (!shop) return 0;
  return db.webhookEvent.count({
    where: { shopDomain: shop.domain, status: "RECEIVED", receivedAt: { lt: before } },
  });
}
