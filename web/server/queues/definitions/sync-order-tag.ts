import { z } from "zod";
import { DEFAULT_JOB_OPTIONS, defineJob } from "./define-job.ts";

/** Adds or removes the shop's backorder tag on one order, as the database says it should be now. */
export const syncOrderTagJob = defineJob({
  name: "sync-order-tag",
  queue: "shopify",
  schema: z.object({ shopId: z.string(), orderId: z.string().regex(/^\d+$/) }),
  options: { ...DEFAULT_JOB_OPTIONS, removeOnComplete: { age: 600, count: 2000 } },
});
