import type { Db } from "../db/create-prisma.ts";

/**
 * Backorder emails wait for the shop's earlier webhooks. Shopify's `available` already counts
 * every order, so while an older event sits unprocessed (its worker crashed and the job waits
 * for its lock to run out, or a backlog), the orders we know of can look backordered when the
 * unknown, newer ones are the ones short. Deciding emails then would tell a served customer
 * "backordered", and a minute later "ready". So notify-order holds while any event the shop
 * sent before the job was enqueued is still unprocessed, for as long as that takes: there is no
 * time bound. Every event ends processed, skipped or failed (retries, then the webhook sweep
 * for an event whose job was lost), so the hold always ends. The shop's events are a superset of
 * those that concern the order's variants (an inventory update names only an inventory item).
 */
export const NOTIFY_HOLD_POLL_MS = 2_000;
/** A long backlog is looked at less often: it drains in minutes, not in seconds. */
export const NOTIFY_HOLD_SLOW_POLL_MS = 10_000;
export const NOTIFY_HOLD_SLOW_AFTER_MS = 60_000;
/**
 * A held job refreshes its order's email mark this often, so the sweep of marked orders (which
 * recovers jobs a crash lost) leaves a job that is alive and waiting to it.
 */
export const NOTIFY_HOLD_HEARTBEAT_MS = 60_000;

/** When to look again, or null to decide now. Pure. */
export function notifyHoldUntil(input: {
  earlierUnprocessed: number;
  enqueuedAtMs: number;
  nowMs: number;
}): Date | null {
  if (input.earlierUnprocessed === 0) return null;
  const heldMs = input.nowMs - input.enqueuedAtMs;
  return new Date(
    input.nowMs + (heldMs >= NOTIFY_HOLD_SLOW_AFTER_MS ? NOTIFY_HOLD_SLOW_POLL_MS : NOTIFY_HOLD_POLL_MS),
  );
}

/** Webhook events of the shop recorded before `before` and not processed yet. */
export async function countEarlierUnprocessedEvents(db: Db, shopId: string, before: Date): Promise<number> {
  const shop = await db.shop.findUnique({ where: { id: shopId }, select: { domain: true } });
  if (!shop) return 0;
  return db.webhookEvent.count({
    where: { shopDomain: shop.domain, status: "RECEIVED", receivedAt: { lt: before } },
  });
}

/** Keeps a held order's email mark younger than the sweep's grace (see NOTIFY_HOLD_HEARTBEAT_MS). */
export async function refreshHeldOrderMark(db: Db, shopId: string, orderId: bigint, now: Date) {
  await db.order.updateMany({
    where: {
      shopId,
      orderId,
      notifyDirtyAt: { not: null, lt: new Date(now.getTime() - NOTIFY_HOLD_HEARTBEAT_MS) },
    },
    data: { notifyDirtyAt: now },
  });
}
