import type { AppDeps } from "../app-deps.ts";
import { enqueueNotifications } from "../notifications/enqueue-notification.ts";
import { isAboveThreshold, reminderIdempotencyKey } from "./decide-restock-reminder.ts";
import { readReminderStock } from "./read-reminder-stock.ts";

const BATCH = 1_000;
/** A reminder later than this after it was due is dropped (a worker outage, the setting turned on). */
const LATE_HOURS = 48;

type Due = {
  id: string;
  shopId: string;
  recipient: string;
  locale: string;
  subscriptionId: string;
  restockEventId: string | null;
  variantId: bigint;
};

/**
 * Reminders that check stock (docs/shoppers.md): restock emails SENT the shop's
 * `reminderAfterHours` ago, to a subscription still subscribed and with no order attributed, get
 * one `restock_reminder` (ledger key per restock email), only while the variant's stock (read from
 * the Admin API, once per variant) is above the restock threshold; out of stock then, the reminder
 * is recorded SUPPRESSED and never sent. Each wave's emails come due together, so reminders follow
 * the waves. The send checks all of it again.
 */
export async function enqueueRestockReminders(
  deps: Pick<AppDeps, "db" | "queues" | "now" | "config" | "shopify" | "logger">,
): Promise<number> {
  const now = deps.now();
  const due = await deps.db.$queryRaw<Due[]>`
    select n.id, n."shopId", n.recipient, n.locale, n."subscriptionId", n."restockEventId", s."variantId"
    from "Notification" n
    join "ShopSettings" st on st."shopId" = n."shopId" and st."reminderAfterHours" is not null
    join "Subscription" s on s.id = n."subscriptionId" and s."shopId" = n."shopId"
    where n.kind = 'restock' and n.channel = 'email' and n.status = 'SENT'
      and n."sentAt" <= ${now}::timestamp(3) - make_interval(hours => st."reminderAfterHours")
      and n."sentAt" > ${now}::timestamp(3) - make_interval(hours => st."reminderAfterHours" + ${LATE_HOURS}::int)
      and s.status <> 'UNSUBSCRIBED'
      and not exists (
        select 1 from "Conversion" c join "Notification" cn on cn.id = c."notificationId"
        where c."shopId" = n."shopId" and cn."subscriptionId" = n."subscriptionId")
      and not exists (select 1 from "Notification" r where r."idempotencyKey" = 'restock_reminder:' || n.id)
    order by n."sentAt"
    limit ${BATCH}`;
  const inStock = new Map<string, boolean>();
  const requests = [];
  const soldOut: Due[] = [];
  for (const row of due) {
    const key = `${row.shopId}:${row.variantId}`;
    let ok = inStock.get(key);
    if (ok === undefined) {
      const stock = await readReminderStock(deps, row.shopId, row.variantId);
      ok = isAboveThreshold(stock.available, stock.threshold);
      inStock.set(key, ok);
    }
    if (!ok) {
      soldOut.push(row);
      continue;
    }
    requests.push({
      shopId: row.shopId,
      kind: "restock_reminder" as const,
      idempotencyKey: reminderIdempotencyKey(row.id),
      recipient: row.recipient,
      locale: row.locale,
      subscriptionId: row.subscriptionId,
      ...(row.restockEventId ? { restockEventId: row.restockEventId } : {}),
      context: { restockNotificationId: row.id },
    });
  }
  // Out of stock when due: this alert's reminder is decided (one per alert), recorded as such so
  // the next runs do not read its stock again.
  await deps.db.notification.createMany({
    data: soldOut.map((row) => ({
      shopId: row.shopId,
      kind: "restock_reminder",
      idempotencyKey: reminderIdempotencyKey(row.id),
      recipient: row.recipient,
      locale: row.locale,
      subscriptionId: row.subscriptionId,
      restockEventId: row.restockEventId,
      status: "SUPPRESSED" as const,
      lastError: "out of stock",
      context: { restockNotificationId: row.id },
    })),
    skipDuplicates: true,
  });
  await enqueueNotifications(deps, requests);
  return requests.length;
}
