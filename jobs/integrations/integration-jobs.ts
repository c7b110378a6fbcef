import { deliverWebhookJob } from "../../web/server/queues/definitions/deliver-webhook.ts";
import { flowTriggerJob } from "../../web/server/queues/definitions/flow-trigger.ts";
import { integrationFanoutJob } from "../../web/server/queues/definitions/integration-fanout.ts";
import { klaviyoEventJob } from "../../web/server/queues/definitions/klaviyo-event.ts";
import { sendKlaviyoEvent } from "../../web/server/integrations/klaviyo/send-klaviyo-event.ts";
import { sendFlowTrigger } from "../../web/server/integrations/flow/send-flow-trigger.ts";
import type { JobHandler } from "../job-handlers-type.ts";
import { fanOutIntegrationEvent } from "../../web/server/integrations/events/fan-out-integration-event.ts";
import { deliverWebhook } from "../../web/server/integrations/outgoing/deliver-webhook.ts";

/** Jobs of the integrations (docs/integrations.md): event fan-out, then one job per delivery attempt. */
export const INTEGRATION_JOB_HANDLERS: JobHandler[] = [
  {
    definition: integrationFanoutJob,
    run: (deps, data) => fanOutIntegrationEvent(deps, integrationFanoutJob.schema.parse(data).eventId),
  },
  {
    definition: deliverWebhookJob,
    run: (deps, data) => {
      const { deliveryId, attempt } = deliverWebhookJob.schema.parse(data);
      return deliverWebhook(deps, deliveryId, attempt);
    },
  },
  {
    definition: flowTriggerJob,
    run: (deps, data) => {
      const { eventId, handle } = flowTriggerJob.schema.parse(data);
      return sendFlowTrigger(deps, eventId, handle);
    },
  },
  {
    definition: klaviyoEventJob,
    run: (deps, data) => sendKlaviyoEvent(deps, klaviyoEventJob.schema.parse(data).eventId),
  },
];
