import { z } from "zod";
import { DEFAULT_JOB_OPTIONS, defineJob } from "./define-job.ts";

/** Processes one recorded WebhookEvent row: dispatch by topic to its handler. */
export const processWebhookJob = defineJob({
  name: "process-webhook",
  queue: "events",
  schema: z.object({ webhookEventId: z.string().regex(/^\d+$/) }),
  options: DEFAULT_JOB_OPTIONS,
});

/** One job per recorded event: a second delivery or a sweep finds it by this id. */
export function webhookJobId(eventId: bigint): string {
  return `wh-${eventId}`;
}
