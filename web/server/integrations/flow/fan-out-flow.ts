import { flowTriggerJob } from "../../queues/definitions/flow-trigger.ts";
import { FLOW_TRIGGER_HANDLES } from "./flow-trigger-payloads.ts";
import type { AppDeps } from "../../app-deps.ts";

/** Queues the event's Flow trigger when the shop has an enabled workflow on it. */
export async function fanOutFlow(deps: AppDeps, event: { id: string; shopId: string; type: string }) {
  const handle = FLOW_TRIGGER_HANDLES[event.type as keyof typeof FLOW_TRIGGER_HANDLES];
  if (!handle) return;
  const state = await deps.db.flowTriggerState.findUnique({
    where: { shopId_handle: { shopId: event.shopId, handle } },
  });
  if (!state?.enabled) return;
  await deps.db.integrationSend.createMany({
    data: [{ eventId: event.id, target: `flow:${handle}`, shopId: event.shopId }],
    skipDuplicates: true,
  });
  await deps.queues.enqueue(
    flowTriggerJob,
    { eventId: event.id, handle },
    { jobId: `flow-${event.id}-${handle}` },
  );
}
