import { z } from "zod";
import { DEFAULT_JOB_OPTIONS, defineJob } from "./define-job.ts";

/** Re-allocates one variant's backordered units from the database and applies the transitions. */
export const recomputeVariantJob = defineJob({
  name: "recompute-variant",
  queue: "events",
  schema: z.object({ shopId: z.string(), variantId: z.string().regex(/^\d+$/) }),
  options: { ...DEFAULT_JOB_OPTIONS, removeOnComplete: { age: 600, count: 2000 } },
});
