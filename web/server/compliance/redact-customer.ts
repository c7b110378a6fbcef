import type { WebhookContext } from "../../../jobs/webhooks/topic-handler-type.ts";
import { customerIdentity, subscriptionWhere } from "./compliance-payloads.ts";
import { DATA_REQUEST_KIND } from "./export-customer-data.ts";

/**
 * customers/redact: deletes the customer's subscriptions, their ledger rows (addresses and
 * contexts), their suppression and the exports made for them. Conversions stay: they hold order
 * and line ids and revenue, nothing about the person. Idempotent (deleting nothing is fine).
 */
export async function redactCustomer(ctx: WebhookContext, payload: unknown): Promise<void> {
  const { db } = ctx.deps;
  const who = customerIdentity(payload);
  const shopId = ctx.shop.id;
  const subscriptions = await db.subscription.findMany({ where: subscriptionWhere(shopId, who), select: { id: true, email: true } });
  const emails = [...new Set([...(who.email ? [who.email] : []), ...subscriptions.map((s) => s.email)])];
  const subscriptionIds = subscriptions.map((s) => s.id);
  const exportSubjects = who.customerId !== null ? [`customer:${who.customerId}`] : [];
  await db.$transaction([
    db.notification.deleteMany({ where: { shopId, OR: [{ recipient: { in: emails } }, { subscriptionId: { in: subscriptionIds } }] } }),
    db.subscription.deleteMany({ where: { shopId, id: { in: subscriptionIds } } }),
    db.suppression.deleteMany({ where: { shopId, email: { in: emails } } }),
    db.dataExport.deleteMany({
      where: {
        shopId,
        kind: DATA_REQUEST_KIND,
        OR: [
          { subject: { in: exportSubjects } },
          ...emails.map((email) => ({ payload: { path: ["customer", "email"], equals: email } })),
        ],
      },
    }),
  ]);
}
