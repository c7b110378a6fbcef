import { deliverWebhookJob } from "../../queues/definitions/deliver-webhook.ts";
import { decryptToken } from "../../shopify/sessions/token-cipher.ts";
import { planDeliveryStep } from "./plan-delivery-retry.ts";
import { postWebhook } from "./post-webhook.ts";
import { webhookBody } from "./webhook-body.ts";
import { webhookSignatureHeader } from "./standard-webhook-signature.ts";
import type { AppDeps } from "../../app-deps.ts";

/** No answer within this long fails the attempt (docs/integrations.md). */
export const ATTEMPT_TIMEOUT_MS = 10_000;

/** Job id of one attempt: a repeated enqueue of the same attempt is one job. */
export const attemptJobId = (deliveryId: string, attempt: number) => `deliver-${deliveryId}-${attempt}`;

/** Queues an attempt; one already waiting as a delayed retry is started now when `delay` is 0. */
export async function queueAttempt(
  deps: Pick<AppDeps, "queues">,
  deliveryId: string,
  attempt: number,
  delay = 0,
) {
  const jobId = attemptJobId(deliveryId, attempt);
  const waiting = delay === 0 ? await deps.queues.get(deliverWebhookJob.queue).getJob(jobId) : undefined;
  if (waiting && (await waiting.isDelayed())) return waiting.promote();
  await deps.queues.enqueue(deliverWebhookJob, { deliveryId, attempt }, { jobId, delay });
}

/**
 * Runs attempt `attempt` of a delivery: signs the event with every live secret of the endpoint,
 * POSTs it, records the outcome, and queues the next attempt or gives up (and disables an
 * endpoint that failed for 24 h). An attempt already recorded is not sent again.
 */
export async function deliverWebhook(deps: AppDeps, deliveryId: string, attempt: number): Promise<string> {
  const { db } = deps;
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: deliveryId },
    include: { endpoint: true, event: true },
  });
  if (!delivery || delivery.status !== "PENDING" || delivery.attempts >= attempt) return "skipped";
  const { endpoint, event } = delivery;
  const now = deps.now();
  if (!endpoint.enabled) {
    await db.webhookDelivery.update({
      where: { id: deliveryId },
      data: { status: "FAILED", lastError: "endpoint disabled", nextAttemptAt: null },
    });
    return "endpoint_disabled";
  }
  const secrets = [
    endpoint.secret,
    ...(endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now
      ? [endpoint.previousSecret]
      : []),
  ].map((s) => decryptToken(deps.config.tokenKeys, s));
  const body = webhookBody(event);
  const timestamp = Math.floor(now.getTime() / 1000);
  const result = await postWebhook(endpoint.url, {
    headers: {
      "content-type": "application/json",
      "user-agent": "BackorderHub-Webhooks/1",
      "webhook-id": event.id,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": webhookSignatureHeader(secrets, event.id, timestamp, body),
    },
    body,
    timeoutMs: ATTEMPT_TIMEOUT_MS,
    production: deps.config.env === "production",
  });
  const step = planDeliveryStep({ attempt, ok: result.ok, failingSince: endpoint.failingSince, now });
  const recorded = {
    attempts: attempt,
    lastAttemptAt: now,
    lastStatusCode: result.status,
    lastError: result.ok ? null : result.error.slice(0, 500),
  };
  const nextAt = step.kind === "retry" ? new Date(now.getTime() + step.delayMs) : null;
  // The endpoint's row first, then the delivery's: the order a merchant's delete takes them in (the
  // endpoint, then its deliveries by cascade), so the two wait for each other instead of deadlocking.
  // updateMany: an endpoint deleted meanwhile took its deliveries along, and there is nothing to record.
  const [endpointRows] = await db.$transaction([
    db.webhookEndpoint.updateMany({
      where: { id: endpoint.id },
      data: {
        failingSince: step.endpointFailingSince,
        ...(step.kind === "failed" && step.disableEndpoint
          ? { enabled: false, disabledAt: now, disabledReason: "Every delivery failed for 24 hours" }
          : {}),
      },
    }),
    db.webhookDelivery.updateMany({
      where: { id: deliveryId },
      data: {
        ...recorded,
        status: step.kind === "succeeded" ? "SUCCEEDED" : step.kind === "failed" ? "FAILED" : "PENDING",
        nextAttemptAt: nextAt,
        ...(step.kind === "succeeded" ? { deliveredAt: now } : {}),
      },
    }),
  ]);
  if (endpointRows.count === 0) return "endpoint_deleted";
  if (step.kind === "retry") await queueAttempt(deps, deliveryId, attempt + 1, step.delayMs);
  return step.kind;
}
