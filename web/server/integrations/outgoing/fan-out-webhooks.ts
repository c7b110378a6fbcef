import { deliverWebhookJob } from "../../queues/definitions/deliver-webhook.ts";
import { attemptJobId } from "./deliver-webhook.ts";
import type { AppDeps } from "../../app-deps.ts";

/**
 * One delivery per enabled endpoint that listens to the event's type, and its first attempt.
 * Idempotent: the (endpoint, event) pair is unique and the attempt's job id is fixed.
 */
export async function fanOutWebhooks(
  deps: AppDeps,
  event: { id: string; shopId: string; type: string },
): Promise<number> {
  const endpoints = await deps.db.webhookEndpoint.findMany({
    where: { shopId: event.shopId, enabled: true, events: { has: event.type } },
    select: { id: true },
  });
  if (endpoints.length === 0) return 0;
  await deps.db.webhookDelivery.createMany({
    data: endpoints.map((e) => ({ shopId: event.shopId, endpointId: e.id, eventId: event.id })),
    skipDuplicates: true,
  });
  const fresh = await deps.db.webhookDelivery.findMany({
    where: { shopId: event.shopId, eventId: event.id, status: "PENDING", attempts: 0 },
    select: { id: true },
  });
  await deps.queues.enqueueBulk(
    deliverWebhookJob,
    fresh.map((d) => ({ payload: { deliveryId: d.id, attempt: 1 }, jobId: attemptJobId(d.id, 1) })),
  );
  return fresh.length;
}
