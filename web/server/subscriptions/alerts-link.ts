import { randomUUID } from "node:crypto";
import type { AppDeps } from "../app-deps.ts";
import type { Db } from "../db/create-prisma.ts";
import { enqueueNotifications } from "../notifications/enqueue-notification.ts";
import {
  ALERTS_LINK_HOURS,
  alertsLinkIdempotencyKey,
  alertsLinkState,
  type AlertsLinkState,
} from "./alerts-link-state.ts";
import { LIVE_ALERT_STATUSES } from "./list-shopper-alerts.ts";

/**
 * A guest asked for a link to their alerts: when the address has a live alert in this shop, one
 * new link (a row, 24 hours, one use) and its email (ledger key alerts_link:<link id>). An address
 * without alerts gets nothing; the caller answers the same either way.
 */
export async function requestAlertsLink(
  deps: Pick<AppDeps, "db" | "queues">,
  shopId: string,
  email: string,
  now: Date,
): Promise<void> {
  const latest = await deps.db.subscription.findFirst({
    where: { shopId, email, status: { in: [...LIVE_ALERT_STATUSES] } },
    orderBy: { createdAt: "desc" },
    select: { locale: true },
  });
  if (!latest) return;
  const link = await deps.db.shopperAlertLink.create({
    data: {
      id: randomUUID(),
      shopId,
      email,
      createdAt: now,
      expiresAt: new Date(now.getTime() + ALERTS_LINK_HOURS * 3600_000),
    },
  });
  await enqueueNotifications(deps, [
    {
      shopId,
      kind: "alerts_link",
      idempotencyKey: alertsLinkIdempotencyKey(link.id),
      recipient: email,
      locale: latest.locale,
      context: { linkId: link.id },
    },
  ]);
}

/** What a link allows, changing nothing (GET and HEAD: mail scanners follow them). */
export async function lookUpAlertsLink(
  db: Db,
  shopId: string,
  linkId: string,
  now: Date,
): Promise<{ state: AlertsLinkState; email: string | null }> {
  const row = await db.shopperAlertLink.findFirst({ where: { id: linkId, shopId } });
  return { state: alertsLinkState(row, now), email: row?.email ?? null };
}

/**
 * The link page's POST: uses the link up, in one statement, so two POSTs (a double click, two
 * tabs) cannot both open it. "opened" with the address, else why not.
 */
export async function openAlertsLink(
  db: Db,
  shopId: string,
  linkId: string,
  now: Date,
): Promise<{ state: "opened"; email: string } | { state: Exclude<AlertsLinkState, "ready"> }> {
  const rows = await db.$queryRaw<{ email: string }[]>`
    update "ShopperAlertLink" set "usedAt" = ${now}::timestamp(3)
    where id = ${linkId} and "shopId" = ${shopId} and "usedAt" is null and "expiresAt" > ${now}::timestamp(3)
    returning email`;
  if (rows[0]) return { state: "opened", email: rows[0].email };
  const { state } = await lookUpAlertsLink(db, shopId, linkId, now);
  // Between the update and the read another request may have used it: that is "used" too.
  return { state: state === "ready" ? "used" : state };
}

/** Links past their 24 hours plus a day (kept that long so a late click still reads "expired"). */
export async function deleteOldAlertsLinks(db: Db, now: Date): Promise<number> {
  const { count } = await db.shopperAlertLink.deleteMany({
    where: { expiresAt: { lt: new Date(now.getTime() - 24 * 3600_000) } },
  });
  return count;
}
