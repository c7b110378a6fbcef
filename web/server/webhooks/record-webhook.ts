import crypto from "node:crypto";
import type { Db } from "../db/create-prisma.ts";
import type { WebhookHeaders } from "./read-webhook-headers.ts";

export type RecordResult = { id: bigint; duplicate: boolean; processed: boolean };

/**
 * Durably records a delivery once per (shop, topic, event key). A duplicate delivery finds the
 * existing row; the unique constraint decides races between concurrent deliveries.
 *
 * One merchant action shares its X-Shopify-Event-Id across all its deliveries, and may produce
 * several of the same topic (an order of two variants: two inventory_levels/update). Retries and
 * duplicate deliveries carry the original payload, so the key is the event id plus a digest of the
 * body: duplicates collapse, distinct deliveries of one action do not.
 */
export async function recordWebhook(db: Db, headers: WebhookHeaders, body: string): Promise<RecordResult> {
  const digest = crypto.createHash("sha256").update(body).digest("base64url").slice(0, 22);
  const key = {
    shopDomain: headers.shopDomain,
    topic: headers.topic,
    eventKey: `${headers.eventKey}#${digest}`,
  };
  const inserted = await db.webhookEvent.createManyAndReturn({
    data: [
      {
        ...key,
        webhookId: headers.webhookId,
        apiVersion: headers.apiVersion,
        triggeredAt: headers.triggeredAt,
        body,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (inserted[0]) return { id: inserted[0].id, duplicate: false, processed: false };
  const existing = await db.webhookEvent.findUniqueOrThrow({
    where: { shopDomain_topic_eventKey: key },
    select: { id: true, status: true },
  });
  return { id: existing.id, duplicate: true, processed: existing.status !== "RECEIVED" };
}
