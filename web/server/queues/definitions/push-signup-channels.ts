import { z } from "zod";
import { DEFAULT_JOB_OPTIONS, defineJob } from "./define-job.ts";

/**
 * Writes the shop's signup channels (email, phone or both) to the app-owned shop metafield the
 * notify-me block reads (docs/sms.md). Enqueued when the SMS settings are saved; it reads the
 * settings when it runs, so a burst of saves coalesces into one write of the latest.
 */
export const pushSignupChannelsJob = defineJob({
  name: "push-signup-channels",
  queue: "shopify",
  schema: z.object({ shopId: z.string().min(1) }),
  options: DEFAULT_JOB_OPTIONS,
});
