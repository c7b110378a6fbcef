import { z } from "zod";
import { DEFAULT_JOB_OPTIONS, defineJob } from "./define-job.ts";

/** Decides the order's backorder emails (confirmation, ETA changed, ready) from the database. */
export const notifyOrderJob = defineJob({
  name: "notify-order",
  queue: "events",
  // `held`: set by the job itself when it waited for earlier webhooks (see run-notify-order.ts).
  schema: z.object({ shopId: z.string(), orderId: z.string().regex(/^\d+$/), held: z.boolean().optional() }),
  options: { ...DEFAULT_JOB_OPTIONS, removeOnComplete: { age: 600, count: 2000 } },
});
