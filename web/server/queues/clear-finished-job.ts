import type { Queue } from "bullmq";

/**
 * Frees a job id for a new run. A job id is taken for as long as its job is kept, finished or
 * not, so adding a job under the id of one that failed for good (or completed too early) adds
 * nothing. Removes a finished job and answers "free"; answers "live" when the job is still to run
 * (waiting, delayed, active...), which a sweeper should leave alone.
 */
export async function clearFinishedJob(queue: Queue, jobId: string): Promise<"live" | "free"> {
  const job = await queue.getJob(jobId);
  if (!job) return "free";
  const state = await job.getState();
  if (state !== "failed" && state !== "completed") return "live";
  await job.remove();
  return "free";
}
