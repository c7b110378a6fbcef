import { processWebhookJob } from "../definitions/process-webhook.ts";
import { SWEEP_GRACE_MS } from "../definitions/sweep-webhooks.ts";
import type { WorkerDeps } from "../worker-deps.ts";

/**
 * Finds events recorded but never processed (the web process died between record and enqueue, or
 * the queue was down) and enqueues them again. The jobId makes this a no-op for events whose job
 * still exists.
 */
export async function sweepWebhooks(deps: WorkerDeps, batch = 500): Promise<number> {
  const before = new Date(deps.now().getTime() - SWEEP_GRACE_MS);
  const stuck = await deps.db.webhookEvent.findMany({
    where: { status: "RECEIVED", receivedAt: { lt: before } },
    select: { id: true },
    orderBy: { id: "asc" },
    take: batch,
  });
  await deps.queues.enqueueBulk(
    processWebhookJob,
    stuck.map((e) => ({ payload: { webhookEventId: String(e.id) }, jobId: `wh-${e.id}` })),
  );
  if (stuck.length > 0) deps.logger.info({ count: stuck.length }, "re-enqueued unprocessed webhooks");
  return stuck.length;
}
