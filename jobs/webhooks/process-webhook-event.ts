import { UnrecoverableError } from "bullmq";
import { ZodError } from "zod";
import { decideDeliveryAge } from "../../web/server/webhooks/decide-delivery-age.ts";
import { parseWebhookBody } from "../../web/server/webhooks/parse-webhook-body.ts";
import { TOPIC_HANDLERS, TOPICS_AFTER_UNINSTALL } from "./topic-handlers.ts";
import type { AppDeps } from "../../web/server/app-deps.ts";

export type ProcessOutcome = "processed" | "skipped" | "already_done";

/**
 * Runs the handler of one recorded event. The row's status makes this idempotent: a retried or
 * duplicated job for a PROCESSED/SKIPPED event does nothing. Handlers themselves are idempotent,
 * since a crash after the handler and before the status update re-runs it.
 */
export async function processWebhookEvent(deps: AppDeps, id: bigint): Promise<ProcessOutcome> {
  const event = await deps.db.webhookEvent.findUnique({ where: { id } });
  if (!event) throw new UnrecoverableError(`webhook event ${id} not found`);
  if (event.status !== "RECEIVED") return "already_done";
  const finish = (status: "PROCESSED" | "SKIPPED", lastError: string | null = null) =>
    deps.db.webhookEvent.update({
      where: { id },
      data: { status, processedAt: deps.now(), attempts: { increment: 1 }, lastError },
    });

  const age = decideDeliveryAge(event.triggeredAt, event.receivedAt);
  if (age.stale) {
    deps.logger.warn({ id: String(id), topic: event.topic, shop: event.shopDomain }, age.reason);
    await finish("SKIPPED", age.reason);
    return "skipped";
  }
  const handler = TOPIC_HANDLERS[event.topic];
  if (!handler) {
    await finish("SKIPPED", "no handler for topic");
    return "skipped";
  }
  const shop = await deps.db.shop.findUnique({ where: { domain: event.shopDomain } });
  if (!shop || (shop.uninstalledAt && !TOPICS_AFTER_UNINSTALL.has(event.topic))) {
    await finish("SKIPPED", shop ? "shop uninstalled" : "unknown shop");
    return "skipped";
  }
  let payload: unknown;
  try {
    payload = parseWebhookBody(event.body);
  } catch {
    await finish("SKIPPED", "unparseable body");
    return "skipped";
  }
  try {
    await handler(
      {
        deps,
        shop: {
          id: shop.id,
          domain: shop.domain,
          uninstalledAt: shop.uninstalledAt,
          installedAt: shop.installedAt,
        },
        event: { id, topic: event.topic, triggeredAt: event.triggeredAt, receivedAt: event.receivedAt },
      },
      payload,
    );
  } catch (error) {
    await deps.db.webhookEvent.update({
      where: { id },
      data: { attempts: { increment: 1 }, lastError: String((error as Error).message).slice(0, 1000) },
    });
    // A payload the handler's schema rejects will be rejected by every retry: fail it now
    // (FAILED, visible) instead of retrying it with backoff for hours.
    if (error instanceof ZodError)
      throw new UnrecoverableError(`invalid ${event.topic} payload: ${error.message}`);
    throw error;
  }
  await finish("PROCESSED");
  return "processed";
}

/** After the last attempt the event is FAILED: visible in the activity log, never silently lost. */
export async function markWebhookFailed(deps: AppDeps, id: bigint, message: string): Promise<void> {
  await deps.db.webhookEvent.updateMany({
    where: { id, status: "RECEIVED" },
    data: { status: "FAILED", lastError: message.slice(0, 1000) },
  });
}
