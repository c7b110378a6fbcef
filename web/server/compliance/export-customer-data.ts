import type { WebhookContext } from "../webhooks/topic-handler-type.ts";
import { maskEmail } from "../privacy/mask-email.ts";
import { exportIntegrationEvents } from "./export-integration-events.ts";
import { customerIdentity, listedOrderIds, orderWhere, subscriptionWhere } from "./compliance-payloads.ts";

export const DATA_REQUEST_KIND = "customers/data_request";

/**
 * customers/data_request: everything the app holds about the customer (orders with their lines,
 * backorder lines and cancel requests; subscriptions, emails sent, suppression; the integration
 * events naming them and where those went), stored as a
 * DataExport the merchant downloads from the admin (docs/privacy.md). Once per request id.
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
  const orders = await db.order.findMany({
    where: orderWhere(ctx.shop.id, who, listedOrderIds(payload, "orders_requested")),
    include: { lines: { orderBy: { lineItemId: "asc" } } },
    orderBy: { placedAt: "asc" },
  });
  const orderIds = orders.map((o) => o.orderId);
  const [backorderLines, backorderLineEvents, cancelRequests] = await Promise.all([
    db.backorderLine.findMany({
      where: { shopId: ctx.shop.id, orderId: { in: orderIds } },
      orderBy: { placedAt: "asc" },
    }),
    db.backorderLineEvent.findMany({
      where: {
        shopId: ctx.shop.id,
        lineItemId: { in: orders.flatMap((o) => o.lines.map((l) => l.lineItemId)) },
      },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    }),
    db.cancelRequest.findMany({
      where: { shopId: ctx.shop.id, orderId: { in: orderIds } },
      orderBy: { requestedAt: "asc" },
    }),
  ]);
  const subscriptions = await db.subscription.findMany({
    where: subscriptionWhere(ctx.shop.id, who),
    orderBy: { createdAt: "asc" },
  });
  const emails = [
    ...new Set([
      ...(who.email ? [who.email] : []),
      ...orders.flatMap((o) => (o.email ? [o.email.toLowerCase()] : [])),
      ...subscriptions.flatMap((s) => (s.email ? [s.email] : [])),
    ]),
  ];
  const phones = [
    ...new Set([
      ...(who.phone ? [who.phone] : []),
      ...subscriptions.flatMap((s) => (s.phone ? [s.phone] : [])),
    ]),
  ];
  const notifications = await db.notification.findMany({
    where: {
      shopId: ctx.shop.id,
      OR: [
        { recipient: { in: emails, mode: "insensitive" } },
        { recipient: { in: phones } },
        { subscriptionId: { in: subscriptions.map((s) => s.id) } },
        { orderId: { in: orderIds } },
      ],
    },
    orderBy: { createdAt: "asc" },
  });
  const suppressions = await db.suppression.findMany({
    where: { shopId: ctx.shop.id, email: { in: emails } },
  });
  const phoneSuppressions = await db.phoneSuppression.findMany({
    where: { shopId: ctx.shop.id, phone: { in: phones } },
  });
  const integrationEvents = await exportIntegrationEvents(db, ctx.shop.id, emails);
  // Links to the shopper alerts page the address asked for (docs/shoppers.md).
  const alertsLinks = await db.shopperAlertLink.findMany({
    where: { shopId: ctx.shop.id, email: { in: emails, mode: "insensitive" } },
    orderBy: { createdAt: "asc" },
  });
  await db.dataExport.create({
    data: {
      shopId: ctx.shop.id,
      kind: DATA_REQUEST_KIND,
      subject,
      payload: {
        requestId: who.requestId,
        customer: { id: who.customerId?.toString() ?? null, email: who.email, phone: who.phone ?? null },
        orders: orders.map((o) => ({
          orderId: o.orderId.toString(),
          name: o.name,
          email: o.email,
          customerId: o.customerId?.toString() ?? null,
          customerFirstName: o.customerFirstName,
          locale: o.locale,
          currency: o.currency,
          totalPrice: o.totalPrice?.toString() ?? null,
          placedAt: o.placedAt.toISOString(),
          cancelledAt: o.cancelledAt?.toISOString() ?? null,
          closedAt: o.closedAt?.toISOString() ?? null,
          statusUrl: o.statusUrl,
          lines: o.lines.map((l) => ({
            lineItemId: l.lineItemId.toString(),
            variantId: l.variantId?.toString() ?? null,
            title: l.title,
            sku: l.sku,
            quantity: l.quantity,
            openQuantity: l.openQuantity,
            price: l.price?.toString() ?? null,
          })),
        })),
        backorderLines: backorderLines.map((b) => ({
          orderId: b.orderId.toString(),
          lineItemId: b.lineItemId.toString(),
          variantId: b.variantId.toString(),
          status: b.status,
          quantity: b.quantity,
          backorderedQuantity: b.backorderedQuantity,
          etaAtOrder: b.etaAtOrder?.toISOString().slice(0, 10) ?? null,
          etaCurrent: b.etaCurrent?.toISOString().slice(0, 10) ?? null,
          placedAt: b.placedAt.toISOString(),
          readyAt: b.readyAt?.toISOString() ?? null,
          fulfilledAt: b.fulfilledAt?.toISOString() ?? null,
          cancelledAt: b.cancelledAt?.toISOString() ?? null,
        })),
        backorderLineHistory: backorderLineEvents.map((e) => ({
          lineItemId: e.lineItemId.toString(),
          kind: e.kind,
          status: e.status,
          quantity: e.quantity,
          backorderedQuantity: e.backorderedQuantity,
          at: e.at.toISOString(),
        })),
        cancelRequests: cancelRequests.map((c) => ({
          orderId: c.orderId.toString(),
          lineItemIds: c.lineItemIds.map(String),
          quantities: c.quantities,
          status: c.status,
          requestedAt: c.requestedAt.toISOString(),
          resolvedAt: c.resolvedAt?.toISOString() ?? null,
        })),
        subscriptions: subscriptions.map((s) => ({
          variantId: s.variantId.toString(),
          email: s.email,
          phone: s.phone,
          smsConsentAt: s.smsConsentAt?.toISOString() ?? null,
          smsConsentText: s.smsConsentText,
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
          channel: n.channel,
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
        phoneSuppressions: phoneSuppressions.map((s) => ({
          phone: s.phone,
          reason: s.reason,
          createdAt: s.createdAt.toISOString(),
        })),
        integrationEvents,
        alertsLinks: alertsLinks.map((l) => ({
          email: l.email,
          createdAt: l.createdAt.toISOString(),
          expiresAt: l.expiresAt.toISOString(),
          usedAt: l.usedAt?.toISOString() ?? null,
        })),
      },
    },
  });
}
