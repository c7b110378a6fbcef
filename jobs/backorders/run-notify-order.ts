import type { Job } from "bullmq";
import type { z } from "zod";
import { notifyOrderJob } from "../../web/server/queues/definitions/notify-order.ts";
import { delayJob } from "../delay-job.ts";
import { notifyOrder } from "../../web/server/backorders/notify-order.ts";
import {
  hasEarlierUnprocessedEvents,
  hasUnconfirmedStock,
  NOTIFY_HOLD_SLOW_AFTER_MS,
  notifyHoldUntil,
  refreshHeldOrderMark,
} from "../../web/server/backorders/notify-order-hold.ts";
import { recomputeAfter } from "./recompute-after.ts";
import type { AppDeps } from "../../web/server/app-deps.ts";

type NotifyPayload = z.output<typeof notifyOrderJob.schema>;

/**
 * notify-order: holds while a webhook the shop sent before the job was enqueued is unprocessed, or
 * while a stock read of the order's variants is unconfirmed (notify-order-hold.ts). Once such a
 * read is confirmed, the webhooks received until then count as earlier ones (`since`): they include
 * the orders that read counted. A job that held re-allocates the order's variants before deciding:
 * the events it waited for are stored, but the recomputes they enqueued may not have run yet
 * (coalescing, or a worker killed while running one), and deciding on the allocation from before
 * them would tell a served customer "backordered". Recomputing is idempotent, and jobs released
 * together share it (recompute-after.ts).
 */
export async function runNotifyOrder(deps: AppDeps, data: NotifyPayload, job: Job) {
  const { shopId } = data;
  const orderId = BigInt(data.orderId);
  const now = deps.now();
  let since = data.since ?? job.timestamp;
  let earlierUnprocessed = await hasEarlierUnprocessedEvents(deps.db, shopId, new Date(since));
  let checkedAtMs = Date.now();
  const unconfirmedStock = !earlierUnprocessed && (await hasUnconfirmedStock(deps.db, shopId, orderId, now));
  if (!earlierUnprocessed && !unconfirmedStock && data.stockHeld && data.since === undefined) {
    // The read it waited for is confirmed now: the webhooks received so far must be processed too.
    since = checkedAtMs;
    earlierUnprocessed = await hasEarlierUnprocessedEvents(deps.db, shopId, new Date(since));
    checkedAtMs = Date.now();
  }
  const hold = notifyHoldUntil({
    earlierUnprocessed,
    unconfirmedStock,
    enqueuedAtMs: job.timestamp,
    nowMs: now.getTime(),
  });
  if (hold) {
    const next: NotifyPayload = unconfirmedStock
      ? { ...data, held: true, stockHeld: true, since: undefined }
      : { ...data, held: true, ...(since === job.timestamp ? {} : { since }) };
    if (JSON.stringify(next) !== JSON.stringify(data)) await job.updateData(next);
    await refreshHeldOrderMark(deps.db, shopId, orderId, now);
    await delayJob(job, hold);
  }
  if (data.held) {
    const heldMs = now.getTime() - job.timestamp;
    if (heldMs >= NOTIFY_HOLD_SLOW_AFTER_MS)
      deps.logger.info({ shopId, orderId: data.orderId, heldMs }, "notify-order held for earlier webhooks");
    const variants = await deps.db.backorderLine.findMany({
      where: { shopId, orderId },
      select: { variantId: true },
      distinct: ["variantId"],
    });
    // Every event it waited for was processed when checked: any recompute started since has them all.
    for (const { variantId } of variants) await recomputeAfter(deps, shopId, variantId, checkedAtMs);
  }
  return { emails: await notifyOrder(deps, shopId, orderId) };
}
