import { z } from "zod";
import { defineJob } from "./define-job.ts";

export const SMS_BATCH_MAX = 100;

/** Sends a batch of one shop's SMS ledger rows (channel 'sms'); the rows guarantee at most one text per key. */
export const sendSmsJob = defineJob({
  name: "send-sms",
  queue: "email",
  schema: z.object({
    shopId: z.string().min(1),
    notificationIds: z.array(z.uuid()).min(1).max(SMS_BATCH_MAX),
  }),
  options: {
    attempts: 12,
    backoff: { type: "exponential", delay: 2_000 },
    removeOnComplete: { age: 3600, count: 1000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
});
