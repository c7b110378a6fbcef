import { z } from "zod";
import { defineJob } from "./define-job.ts";

/**
 * Once a day cluster-wide: expires ACTIVE alerts past the shop's expiry and queues the "still
 * interested?" emails of those a week from it (web/server/subscriptions/sweep-alert-expiry.ts).
 */
export const sweepAlertExpiryJob = defineJob({
  name: "sweep-alert-expiry",
  queue: "events",
  schema: z.object({}).passthrough(),
  options: { attempts: 3, removeOnComplete: true, removeOnFail: { count: 100 } },
});

export const SWEEP_ALERT_EXPIRY_EVERY_MS = 24 * 3600_000;
