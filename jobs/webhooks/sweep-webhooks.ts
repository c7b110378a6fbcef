import { clearFinishedJob } from "../../web/server/queues/clear-finished-job.ts";
import { processWebhookJob, webhookJobId } from "../../web/server/queues/definitions/process-webhook.ts";
import { SWEEP_GRACE_MS } from "../../web/server/queues/definitions/sweep-webhooks.ts";
import type { AppDeps } from "../../web/server/app-deps.ts";

/** Rows read per sweep at most: events whose job is alive are passed over, not counted. */
const SCAN_PAGES = 10;

/**
 * Finds events recorded but never processed (the web process died between record and enqueue, the
 * queue was down, or the queue failed the job without our handler) and enqueues them again, up to
 * `batch` per run. Events whose job is still to run (backing off after a database outage) are
 * left to it and do not hold back the ones behind them; a finished job under the event's id is
 * removed first, or the new one would not be added.
 */
export async function sweepWebhooks(deps: AppDeps, batch = 500): Promise<number> {
  const before = new Date(deps.now().getTime() - SWEEP_GRACE_MS);
  const queue = deps.queues.get(processWebhookJob.queue);
  const orphans: bigint[] = [];
  let after = -1n;
  for (let page = 0; page < SCAN_PAGES && orphans.length < batch; page++) {
    const stuck = await deps.db.webhookEvent.findMany({
      where: { status: "RECEIVED", receivedAt: { lt: before }, id: { gt: after } },
      select: { id: true },
      orderBy: { id: "asc" },
      take: batch,
    });
    for (const event of stuck) {
      if (orphans.length >= batch) break;
      if ((await clearFinishedJob(queue, webhookJobId(event.id))) === "free") orphans.push(event.id);
    }
    if (stuck.length < batch) break;
    after = stuck.at(-1)!.id;
  }
  await deps.queues.enqueueBulk(
    processWebhookJob,
    orphans.map((id) => ({ payload: { webhookEventId: String(id) }, jobId: webhookJobId(id) })),
  );
  if (orphans.length > 0) deps.logger.info({ count: orphans.length }, "re-enqueued unprocessed webhooks");
  return orphans.length;
}
