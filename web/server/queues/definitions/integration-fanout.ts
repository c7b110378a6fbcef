import { z } from "zod";
import { DEFAULT_JOB_OPTIONS, defineJob } from "./define-job.ts";

/** One integration event: create its deliveries (webhooks, Flow, Klaviyo) and queue them. */
export const integrationFanoutJob = defineJob({
  name: "integration-fanout",
  queue: "events",
  schema: z.object({ eventId: z.string().regex(/^evt_[0-9a-f]{32}$/) }),
  options: DEFAULT_JOB_OPTIONS,
});
