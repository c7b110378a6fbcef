import type { NotificationKind } from "./notification-kinds.ts";

export type SuppressionReason = "unsubscribed" | "bounced" | "complaint";

/**
 * Pure: whether a suppression stops an email of this kind. A dead or complaining address gets
 * nothing. An unsubscribe stops alerts (restock) but not the confirmation the person asks for
 * when subscribing again (the new opt-in), nor mail about their own orders. A reminder and a
 * "still interested?" email are alert mail too.
 */
export function isBlockedBySuppression(kind: NotificationKind, reason: string): boolean {
  if (reason === "bounced" || reason === "complaint") return true;
  return kind === "restock" || kind === "restock_reminder" || kind === "renewal";
}
