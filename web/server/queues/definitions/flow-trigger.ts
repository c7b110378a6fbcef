import { z } from "zod";
import { DEFAULT_JOB_OPTIONS, defineJob } from "./define-job.ts";

/** Sends one integration event to Shopify Flow (flowTriggerReceive) on the Admin API queue. */
export const flowTriggerJob = defineJob({
  name: "flow-trigger",
  queue: "shopify",
  schema: z.object({
    eventId: z.string().regex(/^evt_[0-9a-f]{32}$/),
    handle: z.string().regex(/^[a-z0-9-]{1,30}$/),
  }),
  options: DEFAULT_JOB_OPTIONS,
});
