import { z } from "zod";
import { DEFAULT_JOB_OPTIONS, defineJob } from "./define-job.ts";

/** Decides one variant's selling policy (cap, window) and switches it on Shopify when needed. */
export const applySellingPolicyJob = defineJob({
  name: "apply-selling-policy",
  queue: "shopify",
  schema: z.object({ shopId: z.string(), variantId: z.string().regex(/^\d+$/) }),
  options: { ...DEFAULT_JOB_OPTIONS, removeOnComplete: { age: 600, count: 2000 } },
});
