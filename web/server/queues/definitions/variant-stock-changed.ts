import { z } from "zod";
import { DEFAULT_JOB_OPTIONS, defineJob } from "./define-job.ts";

/**
 * A variant's available stock may have changed (inventory webhook, order, reconciliation). The
 * backorder engine enqueues it; the alerts feature re-reads the stock and detects restocks.
 */
export const variantStockChangedJob = defineJob({
  name: "variant-stock-changed",
  queue: "events",
  schema: z.object({ shopId: z.string(), variantId: z.string().regex(/^\d+$/) }),
  options: DEFAULT_JOB_OPTIONS,
});
