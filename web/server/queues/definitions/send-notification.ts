import { z } from "zod";
import { defineJob } from "./define-job.ts";

/** Sends one Notification row. The row, not the job, guarantees at most one email per key. */
export const sendNotificationJob = defineJob({
  name: "send-notification",
  queue: "email",
  schema: z.object({ notificationId: z.uuid() }),
  options: {
    attempts: 12,
    backoff: { type: "exponential", delay: 2_000 },
    removeOnComplete: { age: 3600, count: 5000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
});
