import type { Db } from "../db/create-prisma.ts";

/**
 * The integration events that name one of `emails` (docs/integrations.md, Personal data), with
 * where each went: the merchant's webhook endpoints (by URL) and the Flow and Klaviyo sends. For the
 * customers/data_request export.
 */
export async function exportIntegrationEvents(db: Db, shopId: string, emails: string[]) {
  if (emails.length === 0) return [];
  const events = await db.integrationEvent.findMany({
    where: { shopId, email: { in: emails, mode: "insensitive" } },
    include: {
      deliveries: { include: { endpoint: { select: { url: true } } }, orderBy: { createdAt: "asc" } },
      sends: { orderBy: { createdAt: "asc" } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return events.map((e) => ({
    id: e.id,
    type: e.type,
    createdAt: e.createdAt.toISOString(),
    data: e.payload,
    webhookDeliveries: e.deliveries.map((d) => ({
      endpoint: d.endpoint.url,
      status: d.status,
      attempts: d.attempts,
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
    })),
    sends: e.sends.map((s) => ({ to: s.target, sentAt: s.sentAt?.toISOString() ?? null })),
  }));
}
