import { LRUCache } from "lru-cache";
import type { Db } from "../db/create-prisma.ts";
import { confirmationKey } from "./notify-order.ts";

/**
 * Backorder emails wait until the stock they are decided on is known to count only orders the app
 * knows (docs/operations.md, "Backorder emails wait for the webhook backlog"). Two things hold them:
 *
 * - An earlier webhook of the shop is unprocessed. Shopify's `available` already counts every
 *   order, so while an older event sits unprocessed (its worker crashed, or a backlog), the orders
 *   we know of can look backordered when the unknown, newer ones are the ones short. The hold has
 *   no time bound: every event ends processed, skipped or failed (retries, then the webhook sweep).
 * - A stock read of one of the order's variants is unconfirmed: an Admin API read (done when two
 *   webhooks of one second disagree) counted orders whose webhooks have not arrived yet. It is
 *   confirmed when a webhook carrying that stock arrives (inventory/apply-inventory-level.ts);
 *   the webhooks received up to then must be processed too. A read no webhook confirms within
 *   READ_TRUSTED_AFTER_MS is trusted (the webhook it waits for may never come).
 *
 * Held jobs look again every few seconds. The check costs one indexed query per shop per second
 * in each process, not one per job, and notify-order jobs run after every waiting webhook job
 * (queues/definitions/notify-order.ts: priority), so thousands of held jobs cannot starve the
 * webhooks they wait for.
 */
export const NOTIFY_HOLD_POLL_MS = 2_000;
/** A long backlog is looked at less often: it drains in minutes, not in seconds. */
export const NOTIFY_HOLD_SLOW_POLL_MS = 10_000;
export const NOTIFY_HOLD_SLOW_AFTER_MS = 20_000;
/**
 * A held job refreshes its order's email mark this often, so the sweep of marked orders (which
 * recovers jobs a crash lost) leaves a job that is alive and waiting to it.
 */
export const NOTIFY_HOLD_HEARTBEAT_MS = 60_000;
export const READ_TRUSTED_AFTER_MS = 10 * 60_000;
/** How old a shop's backlog check may be before a held job asks the database again. */
const BACKLOG_CHECK_TTL_MS = 1_000;

/** When to look again, or null to decide now. Pure. */
export function notifyHoldUntil(input: {
  earlierUnprocessed: boolean;
  unconfirmedStock: boolean;
  enqueuedAtMs: number;
  nowMs: number;
}): Date | null {
  if (!input.earlierUnprocessed && !input.unconfirmedStock) return null;
  const heldMs = input.nowMs - input.enqueuedAtMs;
  return new Date(
    input.nowMs + (heldMs >= NOTIFY_HOLD_SLOW_AFTER_MS ? NOTIFY_HOLD_SLOW_POLL_MS : NOTIFY_HOLD_POLL_MS),
  );
}

type BacklogCheck = { checkedAtMs: number; oldestUnprocessedMs: number | null };
const backlogChecks = new LRUCache<string, BacklogCheck>({ max: 10_000 });

/**
 * Whether a webhook event the shop sent before `before` is still unprocessed. Answered from this
 * process's check of the shop's oldest unprocessed event when that check is recent and was made
 * after `before` (an event received before `before` was then either processed or counted).
 */
export async function hasEarlierUnprocessedEvents(db: Db, shopId: string, before: Date): Promise<boolean> {
  const nowMs = Date.now();
  let check = backlogChecks.get(shopId);
  if (!check || check.checkedAtMs <= before.getTime() || nowMs - check.checkedAtMs > BACKLOG_CHECK_TTL_MS) {
    const checkedAtMs = Date.now();
    const [oldest] = await db.$queryRaw<{ receivedAt: Date }[]>`
      SELECT e."receivedAt" FROM "WebhookEvent" e JOIN "Shop" s ON s."domain" = e."shopDomain"
      WHERE s."id" = ${shopId} AND e."status" = 'RECEIVED'
      ORDER BY e."receivedAt" ASC LIMIT 1`;
    check = { checkedAtMs, oldestUnprocessedMs: oldest ? oldest.receivedAt.getTime() : null };
    backlogChecks.set(shopId, check);
  }
  return check.oldestUnprocessedMs !== null && check.oldestUnprocessedMs < before.getTime();
}

/**
 * Whether a level of one of the order's variants holds a stock read no webhook has confirmed yet,
 * for an order not yet told it is backordered: an unconfirmed read can only make lines look more
 * backordered than they are, and the message that would be wrong is that first one.
 */
export async function hasUnconfirmedStock(
  db: Db,
  shopId: string,
  orderId: bigint,
  now: Date,
): Promise<boolean> {
  const rows = await db.$queryRaw<{ one: number }[]>`
    SELECT 1 AS one FROM "Order" o
      JOIN "OrderLine" ol ON ol."orderRef" = o."id"
      JOIN "Variant" v ON v."shopId" = o."shopId" AND v."variantId" = ol."variantId"
      JOIN "InventoryLevel" il ON il."shopId" = o."shopId" AND il."inventoryItemId" = v."inventoryItemId"
    WHERE o."shopId" = ${shopId} AND o."orderId" = ${orderId}
      AND il."readUnconfirmedAt" > ${new Date(now.getTime() - READ_TRUSTED_AFTER_MS)}
      AND NOT EXISTS (SELECT 1 FROM "Notification" n
        WHERE n."idempotencyKey" = ${confirmationKey(shopId, orderId)})
    LIMIT 1`;
  return rows.length > 0;
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
