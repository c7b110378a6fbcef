import { z } from "zod";
import { DEFAULT_JOB_OPTIONS, defineJob } from "./define-job.ts";

export const SWEEP_SMS_EVERY_MS = 60_000;

/** Re-enqueues SMS ledger rows left without a job (web/server/sms/recover-sms.ts). */
export const sweepSmsJob = defineJob({
  name: "sweep-sms",
  queue: "email",
  schema: z.unknown(),
  options: { ...DEFAULT_JOB_OPTIONS, attempts: 1 },
});
