import { z } from "zod";
import { defineJob } from "./define-job.ts";

/** One run of order reconciliation for a shop (docs/order-reconciliation.md). */
export const reconcileOrdersJob = defineJob({
  name: "reconcile-orders",
  queue: "shopify",
  schema: z.object({ shopId: z.string(), runId: z.string() }),
  options: {
    attempts: 5,
    backoff: { type: "exponential", delay: 5_000 },
    removeOnComplete: true,
    removeOnFail: { count: 100 },
  },
});

/** Scheduled: starts a run for every shop whose setting says one is due. */
export const reconcileOrdersDueJob = defineJob({
  name: "reconcile-orders-due",
  queue: "events",
  schema: z.object({}).passthrough(),
  options: { attempts: 1, removeOnComplete: true, removeOnFail: { count: 100 } },
});

/** How often due shops are looked for: the per-shop setting is in minutes. */
export const RECONCILE_ORDERS_DUE_EVERY_MS = 60_000;
