import type { Job } from "bullmq";
import type { z } from "zod";
import { notifyOrderJob } from "../../web/server/queues/definitions/notify-order.ts";
import { delayJob } from "../delay-job.ts";
import { notifyOrder } from "../../web/server/backorders/notify-order.ts";
import {
  countEarlierUnprocessedEvents,
  NOTIFY_HOLD_SLOW_AFTER_MS,
  notifyHoldUntil,
  refreshHeldOrderMark,
} from "../../web/server/backorders/notify-order-hold.ts";
import { recomputeAfter } from "./recompute-after.ts";
import type { AppDeps } from "../../web/server/app-deps.ts";

type NotifyPayload = z.output<typeof notifyOrderJob.schema>;

/**
 * notify-order: holds while any webhook the shop sent before the job was enqueued is unprocessed
 * (notify-order-hold.ts), with no time bound. A job that held re-allocates the order's variants
 * before deciding: the events it waited for are stored, but the recomputes they enqueued may not
 * have run yet (coalescing, or a worker killed while running one), and deciding on the allocation
 * from before them would tell a served customer "backordered". Recomputing is idempotent, and
 * jobs released together share it (recompute-after.ts).
 */
export async function runNotifyOrder(deps: AppDeps, data: NotifyPayload, job: Job) {
  const { shopId } = data;
  const orderId = BigInt(data.orderId);
  const earlierUnprocessed = await countEarlierUnprocessedEvents(deps.db, shopId, new Date(job.timestamp));
  const countedAtMs = Date.now();
  const now = deps.now();
  const hold = notifyHoldUntil({ earlierUnprocessed, enqueuedAtMs: job.timestamp, nowMs: now.getTime() });
  if (hold) {
    if (!data.held) await job.updateData({ ...data, held: true });
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
    // Every event it waited for was processed when counted: any recompute started since has them all.
    for (const { variantId } of variants) await recomputeAfter(deps, shopId, variantId, countedAtMs);
  }
  return { emails: await notifyOrder(deps, shopId, orderId) };
}
