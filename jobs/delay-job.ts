import { DelayedError, type Job } from "bullmq";

/**
 * Puts the running job back as delayed until `at` without using up an attempt, so waiting for a
 * rate limit or a window never ties up a worker slot (no sleeping in the processor).
 */
export async function delayJob(job: Job, at: Date): Promise<never> {
  if (!job.token) throw new Error(`job ${job.id} has no lock token; cannot delay it`);
  await job.moveToDelayed(Math.max(at.getTime(), Date.now()), job.token);
  throw new DelayedError();
}
