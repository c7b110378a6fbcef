import type { Job } from "bullmq";
import type { JobDefinition } from "../web/server/queues/definitions/define-job.ts";
import type { AppDeps } from "../web/server/app-deps.ts";

export type JobHandler = {
  definition: JobDefinition;
  /** Thin: re-parse the payload, call one domain function. */
  run: (deps: AppDeps, data: unknown, job: Job) => Promise<unknown>;
  /** Called once when the job has failed for good (attempts exhausted or unrecoverable). */
  onFinalFailure?: (deps: AppDeps, data: unknown, error: Error) => Promise<void>;
  /** Repeat on this period, once cluster-wide (a BullMQ job scheduler keyed by the job name). */
  every?: number;
};
