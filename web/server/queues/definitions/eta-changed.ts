import { z } from "zod";
import { DEFAULT_JOB_OPTIONS, defineJob } from "./define-job.ts";

/**
 * The resolved ETA of these variants moved (a merchant edit, not the daily roll of a lead time):
 * customers with open backordered lines of them get one "ETA changed" email per order.
 */
export const etaChangedJob = defineJob({
  name: "eta-changed",
  queue: "events",
  schema: z.object({
    shopId: z.string().min(1),
    variantIds: z
      .array(z.string().regex(/^\d{1,20}$/))
      .min(1)
      .max(500),
  }),
  options: DEFAULT_JOB_OPTIONS,
});
