import { createHash } from "node:crypto";
import { clearFinishedJob } from "../queues/clear-finished-job.ts";
import type { Queues } from "../queues/create-queues.ts";
import { SEND_BATCH_MAX, sendNotificationsJob } from "../queues/definitions/send-notifications.ts";

/**
 * Enqueues sends for one shop's ledger rows as `send-notifications` jobs of up to 100 ids. The
 * jobId is derived from the ids themselves (sorted), so enqueueing the same rows again while the
 * job exists adds nothing, and a different chunking can never be mistaken for an existing job.
 * `replaceFinished` (the sweeper): a job of that id that already failed or completed is removed
 * first, so the same rows can be enqueued again (else the old job's id would swallow the add).
 * Returns how many jobs were handed to the queue.
 */
export async function enqueueSendBatches(
  deps: { queues: Queues },
  shopId: string,
  ids: readonly string[],
  scope: string,
  opts: { replaceFinished?: boolean } = {},
): Promise<number> {
  if (ids.length === 0) return 0;
  const sorted = [...ids].sort();
  const items = [];
  for (let start = 0; start < sorted.length; start += SEND_BATCH_MAX) {
    const chunk = sorted.slice(start, start + SEND_BATCH_MAX);
    items.push({ payload: { shopId, notificationIds: chunk }, jobId: sendBatchJobId(scope, chunk) });
  }
  if (opts.replaceFinished) {
    const queue = deps.queues.get(sendNotificationsJob.queue);
    for (const item of items) await clearFinishedJob(queue, item.jobId);
  }
  await deps.queues.enqueueBulk(sendNotificationsJob, items);
  return items.length;
}

export function sendBatchJobId(scope: string, sortedIds: readonly string[]): string {
  const digest = createHash("sha256").update(sortedIds.join(",")).digest("base64url").slice(0, 22);
  return `mail-batch-${scope}-${digest}`;
}
