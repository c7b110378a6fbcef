import { z } from "zod";
import { DEFAULT_JOB_OPTIONS, defineJob } from "./define-job.ts";

/**
 * Hourly, once cluster-wide: a sync per installed shop. It catches what no event announces: an
 * explicit ETA turning overdue and lead-time ETAs rolling forward at each shop's midnight, which
 * falls on a different UTC hour per timezone (hence hourly, not daily).
 */
export const sweepEtaMetafieldsJob = defineJob({
  name: "sweep-eta-metafields",
  queue: "shopify",
  schema: z.object({}),
  options: { ...DEFAULT_JOB_OPTIONS, attempts: 3 },
});

export const SWEEP_ETA_METAFIELDS_EVERY_MS = 60 * 60 * 1000;
