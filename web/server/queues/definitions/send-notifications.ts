import { z } from "zod";
import { defineJob } from "./define-job.ts";

/** Most ledger rows one send-notifications job carries (a fan-out page is split into such chunks). */
export const SEND_BATCH_MAX = 100;

/**
 * Sends a batch of one shop's Notification rows (a fan-out chunk). The rows, not the job,
 * guarantee at most one email per key: a duplicate job finds them claimed or settled.
 */
export const sendNotificationsJob = defineJob({
  name: "send-notifications",
  queue: "email",
  schema: z.object({
    shopId: z.string().min(1),
    notificationIds: z.array(z.uuid()).min(1).max(SEND_BATCH_MAX),
  }),
  options: {
    attempts: 12,
    backoff: { type: "exponential", delay: 2_000 },
    removeOnComplete: { age: 3600, count: 1000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
});
