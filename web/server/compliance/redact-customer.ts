import type { WebhookContext } from "../webhooks/topic-handler-type.ts";
import { customerIdentity, listedOrderIds, orderWhere, subscriptionWhere } from "./compliance-payloads.ts";
import { DATA_REQUEST_KIND } from "./export-customer-data.ts";
import { redactWebhookBodies } from "./redact-webhook-bodies.ts";

/**
 * customers/redact: removes the customer from every table (docs/privacy.md). Deletes their
 * subscriptions, ledger rows (addresses and email contexts), suppression, data exports and the
 * integration events (webhook delivery logs) that name them; blanks
 * the person on their orders (email, first name, customer id, order status URL) while keeping the
 * lines, backorder lines and cancel requests the backorder engine allocates (they hold ids and
 * quantities, nothing about the person); blanks every recorded webhook body that names them
 * (order webhooks, earlier compliance requests, this request itself). Matched by customer id, by
 * address (a request without an id), and by the orders Shopify lists. Idempotent.
 */
export async function redactCustomer(ctx: WebhookContext, payload: unknown): Promise<void> {
  const { db } = ctx.deps;
  const who = customerIdentity(payload);
  const shopId = ctx.shop.id;
  const orders = await db.order.findMany({
    where: orderWhere(shopId, who, listedOrderIds(payload, "orders_to_redact")),
    select: { id: true, orderId: true, email: true },
  });
  const orderEmails = orders.flatMap((o) => (o.email ? [o.email.toLowerCase()] : []));
  const subscriptions = await db.subscription.findMany({
    where: subscriptionWhere(shopId, who),
    select: { id: true, email: true, phone: true },
  });
  const emails = [
    ...new Set([
      ...(who.email ? [who.email] : []),
      ...orderEmails,
      ...present(subscriptions.map((s) => s.email)),
    ]),
  ];
  const phones = [
    ...new Set([...(who.phone ? [who.phone] : []), ...present(subscriptions.map((s) => s.phone))]),
  ];
  const subscriptionIds = subscriptions.map((s) => s.id);
  const orderIds = orders.map((o) => o.orderId);
  const exportSubjects = who.customerId !== null ? [`customer:${who.customerId}`] : [];
  await db.$transaction([
    db.notification.deleteMany({
      where: {
        shopId,
        OR: [
          { recipient: { in: emails, mode: "insensitive" } },
          { recipient: { in: phones } },
          { subscriptionId: { in: subscriptionIds } },
          { orderId: { in: orderIds } },
        ],
      },
    }),
    db.subscription.deleteMany({ where: { shopId, id: { in: subscriptionIds } } }),
    db.suppression.deleteMany({ where: { shopId, email: { in: emails } } }),
    // Integration events naming them, with their webhook delivery logs (docs/integrations.md).
    db.integrationEvent.deleteMany({ where: { shopId, email: { in: emails, mode: "insensitive" } } }),
    db.phoneSuppression.deleteMany({ where: { shopId, phone: { in: phones } } }),
    // Guests' emailed links to their alerts page (docs/shoppers.md).
    db.shopperAlertLink.deleteMany({ where: { shopId, email: { in: emails, mode: "insensitive" } } }),
    db.order.updateMany({
      where: { shopId, id: { in: orders.map((o) => o.id) } },
      data: { email: null, customerFirstName: null, customerId: null, statusUrl: null },
    }),
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
    ...redactWebhookBodies(db, {
      shopDomain: ctx.shop.domain,
      emails: [...emails, ...phones],
      ids: [...(who.customerId !== null ? [who.customerId] : []), ...orderIds],
      currentEventId: ctx.event?.id ?? null,
      now: ctx.deps.now(),
    }),
  ]);
}

function present(values: (string | null)[]): string[] {
  return values.filter((v): v is string => v !== null);
}
