import { z } from "zod";
import { defineJob } from "./define-job.ts";

/** Scheduled: fans out one reconcile-shop job per installed shop. */
export const reconcileBackordersJob = defineJob({
  name: "reconcile-backorders",
  queue: "events",
  schema: z.object({}).passthrough(),
  options: { attempts: 1, removeOnComplete: true, removeOnFail: { count: 100 } },
});

/** Often enough that a missed webhook is corrected within the hour. */
export const RECONCILE_EVERY_MS = 30 * 60_000;

/** Re-reads, for one shop, the variants with open backorders or active subscriptions. */
export const reconcileShopJob = defineJob({
  name: "reconcile-shop",
  queue: "shopify",
  schema: z.object({ shopId: z.string() }),
  options: {
    attempts: 5,
    backoff: { type: "exponential", delay: 5_000 },
    removeOnComplete: true,
    removeOnFail: { count: 100 },
  },
});
