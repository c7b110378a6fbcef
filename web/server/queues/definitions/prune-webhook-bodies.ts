import { z } from "zod";
import { defineJob } from "./define-job.ts";

/** Blanks the bodies of processed webhook events past each shop's retention (docs/privacy.md). */
export const pruneWebhookBodiesJob = defineJob({
  name: "prune-webhook-bodies",
  queue: "events",
  schema: z.object({}).passthrough(),
  options: { attempts: 1, removeOnComplete: true, removeOnFail: { count: 100 } },
});

export const PRUNE_EVERY_MS = 60 * 60_000;
