import { z } from "zod";
import { defineJob } from "./define-job.ts";

/** Enqueues notify-order for orders still marked as owing an email decision (a lost enqueue). */
export const sweepOrderEmailsJob = defineJob({
  name: "sweep-order-emails",
  queue: "events",
  schema: z.object({}).passthrough(),
  options: { attempts: 1, removeOnComplete: true, removeOnFail: { count: 100 } },
});

export const SWEEP_ORDER_EMAILS_EVERY_MS = 60_000;
