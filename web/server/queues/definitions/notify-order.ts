import { z } from "zod";
import { DEFAULT_JOB_OPTIONS, defineJob } from "./define-job.ts";

/**
 * Decides the order's backorder emails (confirmation, ETA changed, ready) from the database.
 * A priority puts it behind every waiting job without one (webhooks, recomputes): these jobs may
 * hold for a backlog of webhooks by the hundred, and must never be the reason it drains slowly.
 */
export const notifyOrderJob = defineJob({
  name: "notify-order",
  queue: "events",
  // Set by the job itself while it holds (see jobs/backorders/run-notify-order.ts): `held` once it
  // waited, `stockHeld` once it waited for a stock read, `since` the time from which webhooks
  // received earlier must be processed (the job's own timestamp when absent).
  schema: z.object({
    shopId: z.string(),
    orderId: z.string().regex(/^\d+$/),
    held: z.boolean().optional(),
    stockHeld: z.boolean().optional(),
    since: z.number().int().optional(),
  }),
  options: { ...DEFAULT_JOB_OPTIONS, priority: 10, removeOnComplete: { age: 600, count: 2000 } },
});
