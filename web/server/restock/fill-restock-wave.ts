import type { WorkerDeps } from "../../../jobs/worker-deps.ts";
import { sendNotificationJob } from "../../../jobs/definitions/send-notification.ts";
import { restockIdempotencyKey, selectCandidates, type Cursor } from "./restock-candidates.ts";

export const FAN_OUT_PAGE = 1_000;

/**
 * Gives ledger rows to the event's next subscribers until it has `targetCount` of them, a page
 * at a time: memory stays one page whatever the audience. Each page is one transaction under the
 * event's row lock, so duplicate wave jobs cannot overshoot; its sends are enqueued in bulk after
 * commit (a crash in between leaves PENDING rows, which the resume path and the sweeper enqueue).
 */
export async function fillRestockWave(
  deps: WorkerDeps,
  event: { id: string; shopId: string; variantId: bigint },
  wave: number,
  keepSubscribed: boolean,
): Promise<number> {
  let cursor: Cursor = null;
  let total = 0;
  for (;;) {
    const page = await deps.db.$transaction(
      async (tx) => {
        const [locked] = await tx.$queryRaw<{ targetCount: number; notifiedCount: number; status: string }[]>`
          select "targetCount", "notifiedCount", status from "RestockEvent" where id = ${event.id} for update`;
        if (!locked || locked.status !== "ACTIVE") return null;
        const remaining = locked.targetCount - locked.notifiedCount;
        if (remaining <= 0) return null;
        const candidates = await selectCandidates(
          tx,
          event.shopId,
          event.variantId,
          event.id,
          cursor,
          Math.min(FAN_OUT_PAGE, remaining),
        );
        if (candidates.length === 0) return null;
        const rows = await tx.notification.createManyAndReturn({
          data: candidates.map((c) => ({
            shopId: event.shopId,
            kind: "restock",
            idempotencyKey: restockIdempotencyKey(event.id, c.id),
            recipient: c.email,
            locale: c.locale,
            subscriptionId: c.id,
            restockEventId: event.id,
            wave,
          })),
          skipDuplicates: true,
          select: { id: true },
        });
        if (!keepSubscribed) {
          await tx.subscription.updateMany({
            where: { id: { in: candidates.map((c) => c.id) }, status: "ACTIVE" },
            data: { status: "NOTIFIED", notifiedAt: deps.now(), activeKey: null },
          });
        }
        await tx.restockEvent.update({
          where: { id: event.id },
          data: { notifiedCount: { increment: rows.length } },
        });
        return { ids: rows.map((r) => r.id), last: candidates[candidates.length - 1]! };
      },
      { timeout: 60_000 },
    );
    if (!page) return total;
    await deps.queues.enqueueBulk(
      sendNotificationJob,
      page.ids.map((id) => ({ payload: { notificationId: id }, jobId: `mail-${id}` })),
    );
    total += page.ids.length;
    cursor = { createdAt: page.last.createdAt, id: page.last.id };
  }
}

/** After a crash or for a duplicate job: enqueue the event's rows still PENDING (jobIds dedupe). */
export async function reenqueuePending(deps: WorkerDeps, restockEventId: string): Promise<number> {
  let after = "";
  let total = 0;
  for (;;) {
    const rows = await deps.db.notification.findMany({
      where: { restockEventId, status: "PENDING", id: { gt: after } },
      select: { id: true },
      orderBy: { id: "asc" },
      take: FAN_OUT_PAGE,
    });
    if (rows.length === 0) return total;
    await deps.queues.enqueueBulk(
      sendNotificationJob,
      rows.map((r) => ({ payload: { notificationId: r.id }, jobId: `mail-${r.id}` })),
    );
    total += rows.length;
    after = rows[rows.length - 1]!.id;
  }
}
