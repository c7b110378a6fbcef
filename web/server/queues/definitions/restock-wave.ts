import { z } from "zod";
import { DEFAULT_JOB_OPTIONS, defineJob } from "./define-job.ts";

/** Plans and fans out wave `wave` of one restock event. jobId `restock-wave-<eventId>-<wave>`. */
export const restockWaveJob = defineJob({
  name: "restock-wave",
  queue: "events",
  schema: z.object({ shopId: z.string(), restockEventId: z.uuid(), wave: z.number().int().min(1) }),
  options: DEFAULT_JOB_OPTIONS,
});

export function restockWaveJobId(restockEventId: string, wave: number): string {
  return `restock-wave-${restockEventId}-${wave}`;
}
