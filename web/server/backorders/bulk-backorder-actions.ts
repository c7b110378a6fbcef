import { z } from "zod";
import type { Db } from "../db/create-prisma.ts";
import type { Queues } from "../queues/create-queues.ts";
import { cancelTokenDigest } from "../controls/cancel-token.ts";
import { enqueueNotifications, type NotificationRequest } from "../notifications/enqueue-notification.ts";
import { MAX_SELECTED_LINES } from "./backorder-search.ts";
import { buildOrderEmailContext } from "./build-order-email-context.ts";
import { loadEmailLines } from "./notify-order.ts";

/**
 * A bulk action on the admin's selected lines. `requestKey` is made once per confirmation in the
 * admin: the same key sent twice (a double click, a retried request) acts once.
 */
export const bulkLinesBodySchema = z.strictObject({
  lineIds: z.array(z.uuid()).min(1).max(MAX_SELECTED_LINES),
  requestKey: z.uuid(),
});
export type BulkLinesBody = z.output<typeof bulkLinesBodySchema>;

export type BulkActionResult = {
  /** Orders (one customer each) the action reached. */
  orders: number;
  /** Selected lines it applied to: open lines with units still backordered. */
  lines: number;
  /** Selected lines it left alone (not open, or not this shop's). */
  skipped: number;
};

/** The selected lines of this shop still waiting for stock, by order. */
async function openLinesByOrder(db: Db, shopId: string, lineIds: readonly string[]) {
  const rows = await db.backorderLine.findMany({
    where: { shopId, id: { in: [...lineIds] }, status: "OPEN", backorderedQuantity: { gt: 0 } },
    select: { orderId: true, lineItemId: true, backorderedQuantity: true },
    orderBy: { lineItemId: "asc" },
  });
  const byOrder = new Map<bigint, typeof rows>();
  for (const row of rows) byOrder.set(row.orderId, [...(byOrder.get(row.orderId) ?? []), row]);
  return { byOrder, count: rows.length };
}

/**
 * Sends each order's customer its backorder email again, listing the selected lines with their
 * current ETA: one ledger row per order under `backorder_confirmation:resend:<shop>:<order>:<key>`,
 * so the same request key never sends twice. Cancelled orders and orders without an email are skipped.
 */
export async function resendBackorderEmails(
  deps: { db: Db; queues: Queues },
  shopId: string,
  body: BulkLinesBody,
): Promise<BulkActionResult> {
  const { byOrder } = await openLinesByOrder(deps.db, shopId, body.lineIds);
  const requests: NotificationRequest[] = [];
  let lines = 0;
  for (const [orderId, selected] of byOrder) {
    const order = await deps.db.order.findUnique({ where: { shopId_orderId: { shopId, orderId } } });
    if (!order?.email || order.cancelledAt) continue;
    const wanted = new Set(selected.map((l) => l.lineItemId));
    const emailLines = (await loadEmailLines(deps.db, shopId, orderId)).filter((l) =>
      wanted.has(l.lineItemId),
    );
    if (emailLines.length === 0) continue;
    lines += emailLines.length;
    const locale = order.locale ?? "en";
    requests.push({
      shopId,
      kind: "backorder_confirmation",
      idempotencyKey: `backorder_confirmation:resend:${shopId}:${orderId}:${body.requestKey}`,
      recipient: order.email,
      locale,
      orderId,
      context: buildOrderEmailContext(
        order,
        emailLines.map((l) => ({ ...l, previousEta: null })),
        locale,
      ),
    });
  }
  await enqueueNotifications(deps, requests);
  return { orders: requests.length, lines, skipped: body.lineIds.length - lines };
}

/**
 * Records a cancellation request for the selected lines' backordered units, one per order, in the
 * same table as the customers' own requests (the Backorders page's cancel requests card): the
 * merchant then refunds and cancels in Shopify and marks it done. One request key records once.
 */
export async function requestLinesCancellation(
  db: Db,
  shopId: string,
  body: BulkLinesBody,
  now: Date,
): Promise<BulkActionResult> {
  const { byOrder, count } = await openLinesByOrder(db, shopId, body.lineIds);
  await db.cancelRequest.createMany({
    data: [...byOrder].map(([orderId, selected]) => ({
      shopId,
      orderId,
      lineItemIds: selected.map((l) => l.lineItemId),
      quantities: selected.map((l) => l.backorderedQuantity),
      tokenDigest: cancelTokenDigest(`admin:${shopId}:${orderId}:${body.requestKey}`),
      requestedAt: now,
    })),
    skipDuplicates: true,
  });
  return { orders: byOrder.size, lines: count, skipped: body.lineIds.length - count };
}
