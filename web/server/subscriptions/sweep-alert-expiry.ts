import { Prisma } from "@prisma/client";
import type { AppDeps } from "../app-deps.ts";
import { enqueueSmsBatches } from "../sms/enqueue-sms-batches.ts";
import { enqueueNotifications } from "../notifications/enqueue-notification.ts";
import { deleteOldAlertsLinks } from "./alerts-link.ts";
import {
  alertExpiresAt,
  DEFAULT_ALERT_EXPIRY_DAYS,
  RENEWAL_NOTICE_DAYS,
  renewalIdempotencyKey,
} from "./alert-expiry.ts";

const BATCH = 1_000;
/** Batches per run and step: a daily run covers 50,000 alerts of each; the next run goes on. */
const MAX_BATCHES = 50;

export type AlertExpiryResult = {
  expired: number;
  renewalEmails: number;
  /** Phone-only alerts get the notice by text (docs/sms.md). */
  renewalTexts: number;
  oldLinksDeleted: number;
};

/**
 * The daily expiry sweep (docs/shoppers.md "Alerts that expire"): ACTIVE alerts whose clock
 * (expiry-clock start, alert-expiry.ts) is older than the shop's `alertExpiryDays` become EXPIRED,
 * freeing their live slot; alerts within a week of that get one "still interested?" email when the
 * shop has it on. Both steps are idempotent (status guard, ledger key). Guests' alerts links are
 * deleted a day after they expire.
 */
export async function sweepAlertExpiry(
  deps: Pick<AppDeps, "db" | "queues" | "now">,
): Promise<AlertExpiryResult> {
  const now = deps.now();
  let expired = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const count = await expireDue(deps, now);
    expired += count;
    if (count < BATCH) break;
  }
  let renewalEmails = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const count = await enqueueRenewalEmails(deps, now);
    renewalEmails += count;
    if (count < BATCH) break;
  }
  let renewalTexts = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const count = await enqueueRenewalTexts(deps, now);
    renewalTexts += count;
    if (count < BATCH) break;
  }
  // Guests' alerts links a day past their expiry (docs/shoppers.md): personal data not kept longer.
  const oldLinksDeleted = await deleteOldAlertsLinks(deps.db, now);
  return { expired, renewalEmails, renewalTexts, oldLinksDeleted };
}

async function expireDue(deps: Pick<AppDeps, "db">, now: Date): Promise<number> {
  // The clock is checked again on the row being updated: a renewal that commits meanwhile wins.
  return deps.db.$executeRaw`
    update "Subscription" s set status = 'EXPIRED', "activeKey" = null
    where s.id in (
        select c.id from "Subscription" c
        left join "ShopSettings" st on st."shopId" = c."shopId"
        where c.status = 'ACTIVE'
          and coalesce(c."renewedAt", c."confirmedAt", c."createdAt")
              <= ${now}::timestamp(3)
                 - make_interval(days => coalesce(st."alertExpiryDays", ${DEFAULT_ALERT_EXPIRY_DAYS}::int))
        limit ${BATCH})
      and s.status = 'ACTIVE'
      and coalesce(s."renewedAt", s."confirmedAt", s."createdAt")
          <= ${now}::timestamp(3) - make_interval(days => coalesce(
               (select "alertExpiryDays" from "ShopSettings" where "shopId" = s."shopId"),
               ${DEFAULT_ALERT_EXPIRY_DAYS}::int))`;
}

type Due = {
  id: string;
  shopId: string;
  email: string | null;
  phone: string | null;
  locale: string;
  clockStart: Date;
  expiryDays: number;
};

/**
 * ACTIVE alerts in their last week with no renewal notice of this period on this channel yet: by
 * email when the alert has an address, by text when it has only a phone number.
 */
function selectDueRenewals(deps: Pick<AppDeps, "db">, now: Date, channel: "email" | "sms") {
  const who =
    channel === "sms" ? Prisma.sql`s.email is null and s.phone is not null` : Prisma.sql`s.email is not null`;
  // The key expression is renewalIdempotencyKey's, so alerts already told this period are skipped.
  const prefix = channel === "sms" ? "renewal:sms:" : "renewal:";
  return deps.db.$queryRaw<Due[]>`
    select s.id, s."shopId", s.email, s.phone, s.locale,
           coalesce(s."renewedAt", s."confirmedAt", s."createdAt") as "clockStart",
           coalesce(st."alertExpiryDays", ${DEFAULT_ALERT_EXPIRY_DAYS}::int) as "expiryDays"
    from "Subscription" s
    left join "ShopSettings" st on st."shopId" = s."shopId"
    where s.status = 'ACTIVE' and ${who}
      and coalesce(st."renewalEmailEnabled", true)
      and coalesce(s."renewedAt", s."confirmedAt", s."createdAt")
          <= ${now}::timestamp(3) - make_interval(days =>
               coalesce(st."alertExpiryDays", ${DEFAULT_ALERT_EXPIRY_DAYS}::int) - ${RENEWAL_NOTICE_DAYS}::int)
      and not exists (
        select 1 from "Notification" n
        where n."idempotencyKey" = ${prefix}::text || s.id || ':'
          || round(extract(epoch from coalesce(s."renewedAt", s."confirmedAt", s."createdAt")) * 1000)::bigint)
    limit ${BATCH}`;
}

async function enqueueRenewalEmails(deps: Pick<AppDeps, "db" | "queues">, now: Date): Promise<number> {
  const due = await selectDueRenewals(deps, now, "email");
  await enqueueNotifications(
    deps,
    due.map((sub) => ({
      shopId: sub.shopId,
      kind: "renewal" as const,
      idempotencyKey: renewalIdempotencyKey(sub.id, sub.clockStart),
      recipient: sub.email!,
      locale: sub.locale,
      subscriptionId: sub.id,
      context: { expiresAt: alertExpiresAt(sub.clockStart, sub.expiryDays).toISOString() },
    })),
  );
  return due.length;
}

/**
 * Phone-only alerts: one `renewal` text per period (ledger channel sms), sent by the send-sms
 * jobs, so quiet hours, STOP and the claim apply as for restock texts (docs/sms.md).
 */
async function enqueueRenewalTexts(deps: Pick<AppDeps, "db" | "queues">, now: Date): Promise<number> {
  const due = await selectDueRenewals(deps, now, "sms");
  if (due.length === 0) return 0;
  const keys = due.map((sub) => renewalIdempotencyKey(sub.id, sub.clockStart, "sms"));
  await deps.db.notification.createMany({
    data: due.map((sub, i) => ({
      shopId: sub.shopId,
      kind: "renewal",
      channel: "sms",
      idempotencyKey: keys[i]!,
      recipient: sub.phone!,
      locale: sub.locale,
      subscriptionId: sub.id,
      context: { expiresAt: alertExpiresAt(sub.clockStart, sub.expiryDays).toISOString() },
    })),
    skipDuplicates: true,
  });
  const rows = await deps.db.notification.findMany({
    where: { idempotencyKey: { in: keys }, status: "PENDING" },
    select: { id: true, shopId: true },
  });
  const byShop = new Map<string, string[]>();
  for (const row of rows) byShop.set(row.shopId, [...(byShop.get(row.shopId) ?? []), row.id]);
  for (const [shopId, ids] of byShop) await enqueueSmsBatches(deps, shopId, ids);
  return due.length;
}
