import type { Db } from "../db/create-prisma.ts";
import type { WebhookHeaders } from "./read-webhook-headers.ts";

export type RecordResult = { id: bigint; duplicate: boolean; processed: boolean };

/**
 * Durably records a delivery once per (shop, topic, event key). A duplicate delivery finds the
 * existing row; the unique constraint decides races between concurrent deliveries.
 */
export async function recordWebhook(db: Db, headers: WebhookHeaders, body: string): Promise<RecordResult> {
  const key = { shopDomain: headers.shopDomain, topic: headers.topic, eventKey: headers.eventKey };
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
