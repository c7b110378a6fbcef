import { z } from "zod";
import { defineJob } from "./define-job.ts";

/**
 * One attempt of one outgoing webhook delivery. The handler schedules the next attempt itself
 * (a new delayed job, web/server/integrations/outgoing/plan-delivery-retry.ts), so the 24 h
 * retry schedule is the app's, and a queue-level retry only covers a crash mid-attempt.
 */
export const deliverWebhookJob = defineJob({
  name: "deliver-webhook",
  queue: "events",
  schema: z.object({ deliveryId: z.uuid(), attempt: z.number().int().min(1).max(50) }),
  options: {
    attempts: 3,
    backoff: { type: "exponential", delay: 5_000 },
    removeOnComplete: { age: 3600, count: 1000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
});
