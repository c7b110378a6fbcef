import { z } from "zod";
import { DEFAULT_JOB_OPTIONS, defineJob } from "./define-job.ts";

/** After an install: the app's variant metafield definitions exist on the shop (created if missing). */
export const ensureMetafieldDefinitionsJob = defineJob({
  name: "ensure-metafield-definitions",
  queue: "shopify",
  schema: z.object({ shopId: z.string().min(1) }),
  options: DEFAULT_JOB_OPTIONS,
});
