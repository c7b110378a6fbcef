import { z } from "zod";
import { DEFAULT_JOB_OPTIONS, defineJob } from "./define-job.ts";

/**
 * Writes the shop's variants whose desired $app ETA metafields differ from what was last pushed.
 * Enqueued through enqueueEtaMetafieldSync (web/server/etas/enqueue-eta-jobs.ts), coalesced per
 * shop, so a burst of changes makes one run.
 */
export const syncEtaMetafieldsJob = defineJob({
  name: "sync-eta-metafields",
  queue: "shopify",
  schema: z.object({ shopId: z.string().min(1) }),
  options: DEFAULT_JOB_OPTIONS,
});
