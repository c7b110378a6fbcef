import { UnrecoverableError } from "bullmq";
import { shopAdminClient } from "../../shopify/admin/shop-admin-client.ts";
import { FLOW_TRIGGER_RECEIVE_MUTATION } from "./flow-documents.ts";
import { flowTriggerPayload } from "./flow-trigger-payloads.ts";
import type { AppDeps } from "../../app-deps.ts";

type Answer = { flowTriggerReceive: { userErrors: { field: string[] | null; message: string }[] } };

/**
 * Sends one event to Flow with flowTriggerReceive. Idempotent: a send already made is not made
 * again (IntegrationSend.sentAt). Throttling is waited out by the Admin client; userErrors are a
 * payload Flow rejects, so they fail the job for good.
 */
export async function sendFlowTrigger(deps: AppDeps, eventId: string, handle: string): Promise<string> {
  const target = `flow:${handle}`;
  const send = await deps.db.integrationSend.findUnique({
    where: { eventId_target: { eventId, target } },
    include: { event: true },
  });
  if (!send || send.sentAt) return "skipped";
  const state = await deps.db.flowTriggerState.findUnique({
    where: { shopId_handle: { shopId: send.shopId, handle } },
  });
  if (!state?.enabled) return "not_enabled";
  const payload = flowTriggerPayload(send.event.type, send.event.payload);
  const client = await shopAdminClient(deps, send.shopId)();
  const answer = await client.request<Answer>(FLOW_TRIGGER_RECEIVE_MUTATION, { handle, payload });
  const errors = answer.flowTriggerReceive.userErrors;
  await deps.db.integrationSend.update({
    where: { eventId_target: { eventId, target } },
    data: {
      attempts: { increment: 1 },
      ...(errors.length === 0
        ? { sentAt: deps.now(), lastError: null }
        : { lastError: errors.map((e) => e.message).join("; ") }),
    },
  });
  if (errors.length > 0) throw new UnrecoverableError(`flowTriggerReceive ${handle}: ${errors[0]!.message}`);
  return "sent";
}
