import { createHash } from "node:crypto";
import { clearFinishedJob } from "../queues/clear-finished-job.ts";
import type { Queues } from "../queues/create-queues.ts";
import { SMS_BATCH_MAX, sendSmsJob } from "../queues/definitions/send-sms.ts";

/** `send-sms` jobs of up to 100 ledger ids; the jobId derives from the ids, so a re-enqueue adds nothing. */
export async function enqueueSmsBatches(
  deps: { queues: Queues },
  shopId: string,
  ids: readonly string[],
  opts: { replaceFinished?: boolean } = {},
): Promise<number> {
  if (ids.length === 0) return 0;
  const sorted = [...ids].sort();
  const items = [];
  for (let start = 0; start < sorted.length; start += SMS_BATCH_MAX) {
    const chunk = sorted.slice(start, start + SMS_BATCH_MAX);
    const digest = createHash("sha256").update(chunk.join(",")).digest("base64url").slice(0, 22);
    items.push({ payload: { shopId, notificationIds: chunk }, jobId: `sms-batch-${digest}` });
  }
  if (opts.replaceFinished) {
    for (const item of items) await clearFinishedJob(deps.queues.get(sendSmsJob.queue), item.jobId);
  }
  await deps.queues.enqueueBulk(sendSmsJob, items);
  return items.length;
}
