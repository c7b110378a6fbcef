import type { Queues } from "../queues/create-queues.ts";
import { notifyOrderJob } from "../queues/definitions/notify-order.ts";
import type { Db } from "../db/create-prisma.ts";
import { enqueueCoalesced, NOTIFY_WINDOW_MS } from "../queues/enqueue-coalesced.ts";
import { NOTIFY_HOLD_HEARTBEAT_MS } from "./notify-order-hold.ts";

/**
 * Marked this long ago and not decided: its job is gone. A job still holding for earlier webhooks
 * refreshes the mark every NOTIFY_HOLD_HEARTBEAT_MS, so only a lost job lets it grow this old.
 */
export const MARKED_ORDER_GRACE_MS = NOTIFY_HOLD_HEARTBEAT_MS + 4 * 60_000;

/**
 * Orders whose backorder transition owes an email decision (Order.notifyDirtyAt) and whose
 * notify-order job never ran: the worker died between the transition's commit and the enqueue.
 * A maintenance sweep across shops; each job it enqueues is for one shop's order. Returns how many.
 */
export async function reenqueueMarkedOrders(
  deps: { db: Db; queues: Queues; now: () => Date },
  batch = 500,
): Promise<number> {
  const marked = await deps.db.order.findMany({
    where: { notifyDirtyAt: { lt: new Date(deps.now().getTime() - MARKED_ORDER_GRACE_MS) } },
    select: { shopId: true, orderId: true },
    orderBy: { notifyDirtyAt: "asc" },
    take: batch,
  });
  for (const { shopId, orderId } of marked) {
    const payload = { shopId, orderId: String(orderId) };
    await enqueueCoalesced(deps.queues, notifyOrderJob, payload, `${shopId}-${orderId}`, NOTIFY_WINDOW_MS);
  }
  return marked.length;
}
