import { z } from "zod";
import { DEFAULT_JOB_OPTIONS, defineJob } from "./define-job.ts";

/** Writes the backorder summary metafield of a shop's changed orders, 25 per metafieldsSet call. */
export const pushOrderSummariesJob = defineJob({
  name: "push-order-summaries",
  queue: "shopify",
  schema: z.object({ shopId: z.string() }),
  options: { ...DEFAULT_JOB_OPTIONS, removeOnComplete: { age: 600, count: 1000 } },
});
