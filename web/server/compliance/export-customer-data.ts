import type { WebhookContext } from "../../../jobs/webhooks/topic-handler-type.ts";
import { maskEmail } from "../subscriptions/normalize-email.ts";
import { customerIdentity, subscriptionWhere } from "./compliance-payloads.ts";

export const DATA_REQUEST_KIND = "customers/data_request";

/**
 * customers/data_request: what the alerts feature holds about the customer (subscriptions, emails
 * sent, suppression), stored as a DataExport the merchant can download. Once per request id.
 */
export async function exportCustomerData(ctx: WebhookContext, payload: unknown): Promise<void> {
  const { db } = ctx.deps;
  const who = customerIdentity(payload);
  const subject =
    who.customerId !== null ? `customer:${who.customerId}` : who.email ? maskEmail(who.email) : "unknown";
  if (who.requestId !== null) {
    const existing = await db.dataExport.findFirst({
      where: {
        shopId: ctx.shop.id,
        kind: DATA_REQUEST_KIND,
        payload: { path: ["requestId"], equals: who.requestId },
      },
      select: { id: true },
    });
    if (existing) return;
  }
  const subscriptions = await db.subscription.findMany({
    where: subscriptionWhere(ctx.shop.id, who),
    orderBy: { createdAt: "asc" },
  });
  const emails = [...new Set([...(who.email ? [who.email] : []), ...subscriptions.map((s) => s.email)])];
  const notifications = await db.notification.findMany({
    where: {
      shopId: ctx.shop.id,
      OR: [{ recipient: { in: emails } }, { subscriptionId: { in: subscriptions.map((s) => s.id) } }],
    },
    orderBy: { createdAt: "asc" },
  });
  const suppressions = await db.suppression.findMany({
    where: { shopId: ctx.shop.id, email: { in: emails } },
  });
  await db.dataExport.create({
    data: {
      shopId: ctx.shop.id,
      kind: DATA_REQUEST_KIND,
      subject,
      payload: {
        requestId: who.requestId,
        customer: { id: who.customerId?.toString() ?? null, email: who.email },
        subscriptions: subscriptions.map((s) => ({
          variantId: s.variantId.toString(),
          email: s.email,
          status: s.status,
          locale: s.locale,
          marketingConsent: s.marketingConsent,
          createdAt: s.createdAt.toISOString(),
          confirmedAt: s.confirmedAt?.toISOString() ?? null,
          notifiedAt: s.notifiedAt?.toISOString() ?? null,
          unsubscribedAt: s.unsubscribedAt?.toISOString() ?? null,
        })),
        notifications: notifications.map((n) => ({
          kind: n.kind,
          recipient: n.recipient,
          status: n.status,
          orderId: n.orderId?.toString() ?? null,
          createdAt: n.createdAt.toISOString(),
          sentAt: n.sentAt?.toISOString() ?? null,
        })),
        suppressions: suppressions.map((s) => ({
          email: s.email,
          reason: s.reason,
          createdAt: s.createdAt.toISOString(),
        })),
      },
    },
  });
}
