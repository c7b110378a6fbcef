import { z } from "zod";
import { DEFAULT_JOB_OPTIONS, defineJob } from "./define-job.ts";

/** Sends one integration event to the shop's Klaviyo account (Events API). */
export const klaviyoEventJob = defineJob({
  name: "klaviyo-event",
  queue: "events",
  schema: z.object({ eventId: z.string().regex(/^evt_[0-9a-f]{32}$/) }),
  options: DEFAULT_JOB_OPTIONS,
});
