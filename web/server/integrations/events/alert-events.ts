import type { Db } from "../../db/create-prisma.ts";
import type { Queues } from "../../queues/create-queues.ts";
import { emitIntegrationEvents, shopHasIntegrations } from "./emit-integration-event.ts";
import { variantSummary } from "./event-fields.ts";
import type { IntegrationEventInput } from "./integration-event-types.ts";

/** The ledger kinds that are back-in-stock alerts (the first alert and its one reminder). */
const ALERT_KINDS = ["restock", "restock_reminder"];

/**
 * `alert.sent` for the back-in-stock emails of one send batch that went out: called once per batch
 * after its SENT rows are recorded, never per message (docs/integrations.md). A shop without
 * integrations costs the one check; otherwise one read of the rows, one variant summary per variant,
 * one insert and one bulk enqueue. Keyed by the ledger row: a batch sent again emits nothing new.
 * Text messages are left out: an event stores no phone number (customers/redact finds events by
 * email).
 */
export async function emitAlertsSent(
  deps: { db: Db; queues: Queues },
  shopId: string,
  notificationIds: readonly string[],
): Promise<void> {
  if (notificationIds.length === 0 || !(await shopHasIntegrations(deps.db, shopId))) return;
  const rows = await deps.db.notification.findMany({
    where: {
      shopId,
      id: { in: [...notificationIds] },
      kind: { in: ALERT_KINDS },
      channel: "email",
      status: "SENT",
    },
    select: {
      id: true,
      kind: true,
      recipient: true,
      wave: true,
      sentAt: true,
      restockEventId: true,
      subscriptionId: true,
    },
  });
  const subscriptions = new Map(
    (
      await deps.db.subscription.findMany({
        where: { shopId, id: { in: rows.flatMap((r) => (r.subscriptionId ? [r.subscriptionId] : [])) } },
        select: { id: true, variantId: true, locale: true },
      })
    ).map((s) => [s.id, s]),
  );
  const variants = new Map<bigint, Awaited<ReturnType<typeof variantSummary>>>();
  const events: IntegrationEventInput[] = [];
  for (const row of rows) {
    const subscription = row.subscriptionId ? subscriptions.get(row.subscriptionId) : undefined;
    if (!subscription) continue;
    const variantId = subscription.variantId;
    if (!variants.has(variantId)) variants.set(variantId, await variantSummary(deps.db, shopId, variantId));
    events.push({
      type: "alert.sent",
      key: row.id,
      email: row.recipient,
      data: {
        alert: {
          id: row.id,
          kind: row.kind === "restock" ? "back_in_stock" : "reminder",
          wave: row.wave,
          sentAt: row.sentAt?.toISOString() ?? null,
          restockEventId: row.restockEventId,
        },
        subscription: { id: subscription.id, email: row.recipient, locale: subscription.locale },
        variant: variants.get(variantId)!,
      },
    });
  }
  await emitIntegrationEvents(deps, shopId, events);
}
