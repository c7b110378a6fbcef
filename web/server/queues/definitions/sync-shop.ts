import { z } from "zod";
import { DEFAULT_JOB_OPTIONS, defineJob } from "./define-job.ts";

/**
 * Initial sync of a shop's variants and levels with a bulk operation. The job starts the operation;
 * its bulk_operations/finish webhook finishes the sync. As a fallback (a webhook lost or late), the
 * job polls the operation by re-enqueueing itself with the operation id, less and less often.
 */
export const syncShopJob = defineJob({
  name: "sync-shop",
  queue: "shopify",
  schema: z.object({
    shopId: z.string(),
    bulkOperationId: z.string().optional(),
    polls: z.number().int().default(0),
  }),
  options: { ...DEFAULT_JOB_OPTIONS, removeOnComplete: { age: 3600, count: 1000 } },
});

/** First fallback poll: the webhook normally arrives well before it. Then doubling, up to the cap. */
export const SYNC_FIRST_POLL_MS = 5_000;
export const SYNC_MAX_POLL_MS = 60_000;
/** About a day of polls at the cap: bulk queries of a few hundred thousand variants end in hours. */
export const SYNC_MAX_POLLS = 1_500;

/** Delay before poll number `polls` (0-based). Pure. */
export function syncPollDelayMs(polls: number): number {
  return Math.min(SYNC_FIRST_POLL_MS * 2 ** Math.min(polls, 10), SYNC_MAX_POLL_MS);
}
