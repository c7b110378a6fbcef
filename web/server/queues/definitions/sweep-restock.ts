import { z } from "zod";
import { defineJob } from "./define-job.ts";

/**
 * Housekeeping of alerts and the email ledger, once a minute cluster-wide: resumes due waves,
 * hands ledger rows left by lost or dead jobs back to send jobs (recover-notifications.ts),
 * expires unconfirmed subscriptions, queues due restock reminders, prunes counters.
 */
export const sweepRestockJob = defineJob({
  name: "sweep-restock",
  queue: "events",
  schema: z.object({}).passthrough(),
  options: { attempts: 1, removeOnComplete: true, removeOnFail: { count: 100 } },
});

export const SWEEP_RESTOCK_EVERY_MS = 60_000;
