import { DelayedError, UnrecoverableError, type Job, type Worker } from "bullmq";
import { jobNameLabel } from "../web/server/metrics/metric-labels.ts";
import { createDatabaseBreaker } from "./database-breaker.ts";
import { QUEUE_NAMES, type QueueName } from "../web/server/queues/definitions/define-job.ts";
import { JOB_HANDLERS, type JobHandler } from "./job-handlers.ts";
import { watchRunningJobs, type RunningJobWatch } from "./watch-running-jobs.ts";
import type { AppDeps } from "../web/server/app-deps.ts";

export type RunningWorker = { workers: Worker[]; close: () => Promise<void> };

/** One BullMQ worker per queue, dispatching by job name. Any number may run, on any machine. */
export async function createWorker(
  deps: AppDeps,
  opts: {
    queues?: readonly QueueName[];
    concurrency?: number;
    schedule?: boolean;
    /** Replaces the app's handler list (tests that count executions); defaults to JOB_HANDLERS. */
    handlers?: readonly JobHandler[];
  } = {},
): Promise<RunningWorker> {
  const handlers = opts.handlers ?? JOB_HANDLERS;
  const byName = new Map<string, JobHandler>(handlers.map((h) => [h.definition.name, h]));
  // Knows the workers once they exist; no job can fail before that.
  const breaker = createDatabaseBreaker(deps, () => workers);
  const watch = watchRunningJobs(deps.logger, {
    onCheck: (late) => {
      for (const queue of opts.queues ?? QUEUE_NAMES)
        deps.metrics.jobsRunningLong.set({ queue }, late.filter((j) => j.queue === queue).length);
    },
  });
  const run = (queue: QueueName) => (job: Job) =>
    runJob(deps, byName, watch, queue, job).catch((error: unknown) => {
      breaker.check(error);
      throw error;
    });
  const workers = (opts.queues ?? QUEUE_NAMES).map((queue) => {
    const worker = deps.queues.backend.createWorker(queue, run(queue), {
      concurrency: opts.concurrency ?? deps.config.workerConcurrency,
      // A job whose worker was killed is recovered as stalled; crashes in a row must not fail it for
      // good (BullMQ's default allows one stall), or its emails would wait for a sweeper.
      maxStalledCount: 10,
      autorun: true,
    });
    worker.on("failed", (job, error) => {
      if (!job) return;
      const final = error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
      deps.logger.warn(
        { queue, job: job.name, jobId: job.id, attempt: job.attemptsMade, final, err: error },
        "job failed",
      );
      if (!final) return;
      deps.metrics.jobFinalFailures.inc({ queue, name: jobNameLabel(job.name, byName) });
      void byName.get(job.name)?.onFinalFailure?.(deps, job.data, error);
    });
    worker.on("stalled", () => deps.metrics.jobsStalled.inc({ queue }));
    worker.on("error", (error) => deps.logger.error({ queue, err: error }, "worker error"));
    return worker;
  });
  // Job schedulers live in the queue backend, keyed by name: however many workers upsert them,
  // each fires once per period cluster-wide. An unchanged scheduler is left alone: re-upserting it
  // re-times its next run (on the PostgreSQL backend, an extra run inside one period).
  if (opts.schedule !== false) {
    for (const handler of handlers) {
      if (!handler.every) continue;
      const { name, queue } = handler.definition;
      const existing = await deps.queues.get(queue).getJobScheduler(name);
      if (existing && Number(existing.every) === handler.every) continue;
      await deps.queues.get(queue).upsertJobScheduler(name, { every: handler.every }, { name, data: {} });
    }
  }
  return {
    workers,
    close: async () => {
      breaker.close();
      watch.close();
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}

async function runJob(
  deps: AppDeps,
  byName: Map<string, JobHandler>,
  watch: RunningJobWatch,
  queue: string,
  job: Job,
) {
  const handler = byName.get(job.name);
  if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
  const name = jobNameLabel(job.name, byName);
  const stop = deps.metrics.jobDuration.startTimer({ queue, name });
  const finished = watch.start({ queue, name: job.name, id: job.id });
  try {
    const result = await handler.run(deps, job.data, job);
    deps.metrics.jobs.inc({ queue, name, outcome: "completed" });
    return result;
  } catch (error) {
    // A job that moved itself to delayed (rate limits) did not fail.
    deps.metrics.jobs.inc({
      queue,
      name,
      outcome: error instanceof DelayedError ? "delayed" : "failed",
    });
    throw error;
  } finally {
    stop();
    finished();
  }
}
