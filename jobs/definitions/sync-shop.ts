import { z } from "zod";
import { DEFAULT_JOB_OPTIONS, defineJob } from "./define-job.ts";

/**
 * Initial sync of a shop's variants and levels with a bulk operation. The job starts the operation,
 * then polls it by re-enqueueing itself with the operation id until it completes.
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

export const SYNC_POLL_MS = 1_000;
export const SYNC_MAX_POLLS = 3_600;
