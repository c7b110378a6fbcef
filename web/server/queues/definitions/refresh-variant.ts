import { z } from "zod";
import { DEFAULT_JOB_OPTIONS, defineJob } from "./define-job.ts";

/** Re-reads a variant (by variant or inventory item id) and its levels from the Admin API. */
export const refreshVariantJob = defineJob({
  name: "refresh-variant",
  queue: "shopify",
  schema: z
    .object({
      shopId: z.string(),
      variantId: z.string().regex(/^\d+$/).optional(),
      inventoryItemId: z.string().regex(/^\d+$/).optional(),
    })
    .refine(
      (d) => d.variantId !== undefined || d.inventoryItemId !== undefined,
      "variantId or inventoryItemId",
    ),
  options: { ...DEFAULT_JOB_OPTIONS, removeOnComplete: { age: 600, count: 2000 } },
});
