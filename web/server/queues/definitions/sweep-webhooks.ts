import { z } from "zod";
import { defineJob } from "./define-job.ts";

/** Re-enqueues recorded events that never got processed (a crash between record and enqueue). */
export const sweepWebhooksJob = defineJob({
  name: "sweep-webhooks",
  queue: "events",
  schema: z.object({}).passthrough(),
  options: { attempts: 1, removeOnComplete: true, removeOnFail: { count: 100 } },
});

export const SWEEP_EVERY_MS = 60_000;
/** An event still RECEIVED after this long is assumed lost between record and enqueue. */
export const SWEEP_GRACE_MS = 30_000;
