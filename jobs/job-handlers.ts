import { BACKORDER_JOB_HANDLERS } from "./backorders/backorder-jobs.ts";
import { CONTROL_JOB_HANDLERS } from "./controls/control-jobs.ts";
import { ETA_JOB_HANDLERS } from "./etas/eta-jobs.ts";
import { processWebhookJob } from "../web/server/queues/definitions/process-webhook.ts";
import {
  PRUNE_EVERY_MS,
  pruneWebhookBodiesJob,
} from "../web/server/queues/definitions/prune-webhook-bodies.ts";
import { SWEEP_EVERY_MS, sweepWebhooksJob } from "../web/server/queues/definitions/sweep-webhooks.ts";
import type { JobHandler } from "./job-handlers-type.ts";
import { INTEGRATION_JOB_HANDLERS } from "./integrations/integration-jobs.ts";
import { RECONCILE_JOB_HANDLERS } from "./reconcile/reconcile-jobs.ts";
import { RESTOCK_JOB_HANDLERS } from "./restock/restock-jobs.ts";
import { SMS_JOB_HANDLERS } from "./sms/sms-jobs.ts";
import { markWebhookFailed, processWebhookEvent } from "./webhooks/process-webhook-event.ts";
import { pruneWebhookBodies } from "./webhooks/prune-webhook-bodies.ts";
import { pruneIdempotencyKeys } from "../web/server/merchant-api/idempotency.ts";
import { sweepWebhooks } from "./webhooks/sweep-webhooks.ts";

export type { JobHandler } from "./job-handlers-type.ts";

export const JOB_HANDLERS: JobHandler[] = [
  {
    definition: processWebhookJob,
    run: (deps, data) =>
      processWebhookEvent(deps, BigInt(processWebhookJob.schema.parse(data).webhookEventId)),
    onFinalFailure: (deps, data, error) =>
      markWebhookFailed(deps, BigInt(processWebhookJob.schema.parse(data).webhookEventId), error.message),
  },
  { definition: sweepWebhooksJob, run: (deps) => sweepWebhooks(deps), every: SWEEP_EVERY_MS },
  {
    definition: pruneWebhookBodiesJob,
    // The hourly retention job: webhook bodies past their retention, API idempotency answers past 24 h.
    run: async (deps) => {
      await pruneWebhookBodies(deps);
      await pruneIdempotencyKeys(deps);
    },
    every: PRUNE_EVERY_MS,
  },
  ...BACKORDER_JOB_HANDLERS,
  ...RESTOCK_JOB_HANDLERS,
  ...SMS_JOB_HANDLERS,
  ...ETA_JOB_HANDLERS,
  ...CONTROL_JOB_HANDLERS,
  ...RECONCILE_JOB_HANDLERS,
  ...INTEGRATION_JOB_HANDLERS,
];
