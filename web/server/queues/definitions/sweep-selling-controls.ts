import { z } from "zod";
import { DEFAULT_JOB_OPTIONS, defineJob } from "./define-job.ts";

/**
 * Once cluster-wide per period: re-checks variants whose selling window or ETA horizon moves with
 * time (nothing else announces it), and variants the app holds at DENY, and schedules a check at
 * each date-window edge falling before the next sweep, so windows open and close on time.
 */
export const sweepSellingControlsJob = defineJob({
  name: "sweep-selling-controls",
  queue: "shopify",
  schema: z.object({}).passthrough(),
  options: { ...DEFAULT_JOB_OPTIONS, attempts: 3 },
});

export const SWEEP_SELLING_CONTROLS_EVERY_MS = 5 * 60_000;
