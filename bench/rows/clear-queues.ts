import { QUEUE_NAMES } from "../../web/server/queues/definitions/define-job.ts";
import type { BenchDeps } from "../env/create-bench-deps.ts";

/** Removes every job a bounded run left behind, so the next run's workers do not inherit them. */
export async function clearQueues(deps: BenchDeps): Promise<void> {
  for (const name of QUEUE_NAMES) {
    await deps.queues
      .get(name)
      .obliterate({ force: true })
      .catch(() => undefined);
  }
}

/** The reason the first failed or retrying job gave, if any: a row that stalls says why. */
export async function firstJobError(deps: BenchDeps): Promise<string | undefined> {
  for (const name of QUEUE_NAMES) {
    const jobs = await deps.queues
      .get(name)
      .getJobs(["failed", "delayed"], 0, 20)
      .catch(() => []);
    const failed = jobs.find((j) => j?.failedReason);
    if (failed) return `${failed.name}: ${failed.failedReason.replace(/\s+/g, " ").trim().slice(0, 200)}`;
  }
  return undefined;
}
