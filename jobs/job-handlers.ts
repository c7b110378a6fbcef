import type { Job } from "bullmq";
import { processWebhookJob } from "./definitions/process-webhook.ts";
import { sweepWebhooksJob } from "./definitions/sweep-webhooks.ts";
import type { JobDefinition } from "./definitions/define-job.ts";
import { markWebhookFailed, processWebhookEvent } from "./webhooks/process-webhook-event.ts";
import { sweepWebhooks } from "./webhooks/sweep-webhooks.ts";
import type { WorkerDeps } from "./worker-deps.ts";

export type JobHandler = {
  definition: JobDefinition;
  /** Thin: re-parse the payload, call one domain function. */
  run: (deps: WorkerDeps, data: unknown, job: Job) => Promise<unknown>;
  /** Called once when the job has failed for good (attempts exhausted or unrecoverable). */
  onFinalFailure?: (deps: WorkerDeps, data: unknown, error: Error) => Promise<void>;
};

export const JOB_HANDLERS: JobHandler[] = [
  {
    definition: processWebhookJob,
    run: (deps, data) => processWebhookEvent(deps, BigInt(processWebhookJob.schema.parse(data).webhookEventId)),
    onFinalFailure: (deps, data, error) =>
      markWebhookFailed(deps, BigInt(processWebhookJob.schema.parse(data).webhookEventId), error.message),
  },
  { definition: sweepWebhooksJob, run: (deps) => sweepWebhooks(deps) },
];
