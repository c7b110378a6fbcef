import type { AppDeps } from "../app-deps.ts";
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

export type AlertExpiryResult = { expired: number; renewalEmails: number; oldLinksDeleted: number };

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
  // Guests' alerts links a day past their expiry (docs/shoppers.md): personal data not kept longer.
  const oldLinksDeleted = await deleteOldAlertsLinks(deps.db, now);
  return { expired, renewalEmails, oldLinksDeleted };
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
  email: string;
  locale: string;
  clockStart: Date;
  expiryDays: number;
};

async function enqueueRenewalEmails(deps: Pick<AppDeps, "db" | "queues">, now: Date): Promise<number> {
  // The key expression is renewalIdempotencyKey's, so alerts already emailed this period are skipped.
  const due = await deps.db.$queryRaw<Due[]>`
    select s.id, s."shopId", s.email, s.locale,
           coalesce(s."renewedAt", s."confirmedAt", s."createdAt") as "clockStart",
           coalesce(st."alertExpiryDays", ${DEFAULT_ALERT_EXPIRY_DAYS}::int) as "expiryDays"
    from "Subscription" s
    left join "ShopSettings" st on st."shopId" = s."shopId"
    where s.status = 'ACTIVE' and s.email is not null
      and coalesce(st."renewalEmailEnabled", true)
      and coalesce(s."renewedAt", s."confirmedAt", s."createdAt")
          <= ${now}::timestamp(3) - make_interval(days =>
               coalesce(st."alertExpiryDays", ${DEFAULT_ALERT_EXPIRY_DAYS}::int) - ${RENEWAL_NOTICE_DAYS}::int)
      and not exists (
        select 1 from "Notification" n
        where n."idempotencyKey" = 'renewal:' || s.id || ':'
          || round(extract(epoch from coalesce(s."renewedAt", s."confirmedAt", s."createdAt")) * 1000)::bigint)
    limit ${BATCH}`;
  await enqueueNotifications(
    deps,
    due.map((sub) => ({
      shopId: sub.shopId,
      kind: "renewal" as const,
      idempotencyKey: renewalIdempotencyKey(sub.id, sub.clockStart),
      recipient: sub.email,
      locale: sub.locale,
      subscriptionId: sub.id,
      context: { expiresAt: alertExpiresAt(sub.clockStart, sub.expiryDays).toISOString() },
    })),
  );
  return due.length;
}
