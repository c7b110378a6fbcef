/** Alert expiry and renewal, pure (docs/shoppers.md "Alerts that expire"). */

const DAY_MS = 24 * 3600 * 1000;

/** The "still interested?" email goes this many days before an alert expires. */
export const RENEWAL_NOTICE_DAYS = 7;

/** Defaults of the shop's settings, for shops without a settings row. */
export const DEFAULT_ALERT_EXPIRY_DAYS = 180;

type Clocked = { renewedAt: Date | null; confirmedAt: Date | null; createdAt: Date };

/** An alert's clock runs from its last renewal, else its confirmation, else its signup. */
export function expiryClockStart(sub: Clocked): Date {
  return sub.renewedAt ?? sub.confirmedAt ?? sub.createdAt;
}

export function alertExpiresAt(clockStart: Date, expiryDays: number): Date {
  return new Date(clockStart.getTime() + expiryDays * DAY_MS);
}

/**
 * The ledger key of the renewal notice of one expiry period: one per subscription, channel and
 * clock start, so a renewed alert gets its own notice before its next expiry, and never two. A
 * phone-only alert gets it by text (`renewal:sms:…`, like restock texts' keys).
 */
export function renewalIdempotencyKey(
  subscriptionId: string,
  clockStart: Date,
  channel: "email" | "sms" = "email",
): string {
  const prefix = channel === "sms" ? "renewal:sms:" : "renewal:";
  return `${prefix}${subscriptionId}:${clockStart.getTime()}`;
}

export type RenewState = "renewable" | "expired" | "notified" | "unsubscribed" | "unconfirmed";

/**
 * What a renew link can do for an alert in this status: an ACTIVE one restarts its clock, an
 * EXPIRED one that had been confirmed comes back (the link may be clicked a little late); an alert
 * that was sent, unsubscribed or never confirmed stays as it is.
 */
export function renewStateOf(sub: { status: string; confirmedAt: Date | null }): RenewState {
  if (sub.status === "ACTIVE") return "renewable";
  if (sub.status === "EXPIRED") return sub.confirmedAt ? "expired" : "unconfirmed";
  if (sub.status === "NOTIFIED") return "notified";
  if (sub.status === "UNSUBSCRIBED") return "unsubscribed";
  return "unconfirmed";
}
