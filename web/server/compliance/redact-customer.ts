import type { WebhookContext } from "../../../jobs/webhooks/topic-handler-type.ts";
import { toBigInt } from "../../../jobs/webhooks/parse-webhook-body.ts";
import { customerIdentity, subscriptionWhere } from "./compliance-payloads.ts";
import { DATA_REQUEST_KIND } from "./export-customer-data.ts";

/**
 * customers/redact: deletes the customer's subscriptions, their ledger rows (addresses and
 * contexts, the first name of order emails included), their suppression and the exports made for
 * them, blanks the person on their orders (email, first name, customer id) while keeping the lines
 * the backorder engine allocates, and blanks the recorded order webhooks of those orders (their
 * bodies carry the customer and the addresses).
 * Conversions stay: they hold order and line ids and revenue, nothing about the person.
 * Idempotent (deleting nothing is fine).
 */
export async function redactCustomer(ctx: WebhookContext, payload: unknown): Promise<void> {
  const { db } = ctx.deps;
  const who = customerIdentity(payload);
  const shopId = ctx.shop.id;
  const subscriptions = await db.subscription.findMany({
    where: subscriptionWhere(shopId, who),
    select: { id: true, email: true },
  });
  const emails = [...new Set([...(who.email ? [who.email] : []), ...subscriptions.map((s) => s.email)])];
  const subscriptionIds = subscriptions.map((s) => s.id);
  const exportSubjects = who.customerId !== null ? [`customer:${who.customerId}`] : [];
  const orderIds = ordersToRedact(payload);
  const orderWhere = {
    shopId,
    OR: [
      ...(who.customerId !== null ? [{ customerId: who.customerId }] : []),
      ...(emails.length > 0 ? [{ email: { in: emails } }] : []),
      ...(orderIds.length > 0 ? [{ orderId: { in: orderIds } }] : []),
    ],
  };
  const redactedOrderIds =
    orderWhere.OR.length > 0
      ? (await db.order.findMany({ where: orderWhere, select: { orderId: true } })).map((o) => o.orderId)
      : [];
  await db.$transaction([
    db.notification.deleteMany({
      where: {
        shopId,
        OR: [
          { recipient: { in: emails } },
          { subscriptionId: { in: subscriptionIds } },
          { orderId: { in: redactedOrderIds } },
        ],
      },
    }),
    ...redactedOrderIds.map(
      (orderId) => db.$executeRaw`
        UPDATE "WebhookEvent" SET "body" = '{}'
        WHERE "shopDomain" = ${ctx.shop.domain} AND "topic" LIKE 'orders/%' AND "status" <> 'RECEIVED'
          AND strpos("body", ${`"id":${orderId},`}) > 0`,
    ),
    db.subscription.deleteMany({ where: { shopId, id: { in: subscriptionIds } } }),
    db.suppression.deleteMany({ where: { shopId, email: { in: emails } } }),
    ...(orderWhere.OR.length > 0
      ? [
          db.order.updateMany({
            where: orderWhere,
            data: { email: null, customerFirstName: null, customerId: null },
          }),
        ]
      : []),
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

function ordersToRedact(payload: unknown): bigint[] {
  const list = (payload as { orders_to_redact?: unknown }).orders_to_redact;
  return Array.isArray(list) ? list.map((id) => toBigInt(id)).filter((id): id is bigint => id !== null) : [];
}
