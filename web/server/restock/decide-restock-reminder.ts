/**
 * Pure: whether the one reminder after a restock email goes out now (docs/shoppers.md
 * "Reminders that check stock"). Only to a subscriber still subscribed who has not ordered the
 * variant (a Conversion of any alert of the subscription), and only while the variant has stock
 * above the shop's restock threshold.
 */
export type ReminderFacts = {
  subscriptionStatus: string | null;
  converted: boolean;
  /** Stock above the restock threshold (false when the variant is gone). */
  inStock: boolean;
};

/** Counted stock above the shop's restock threshold, as a restock crossing counts it. */
export function isAboveThreshold(available: number | null, threshold: number): boolean {
  return available !== null && available > threshold;
}

export type ReminderDecision = { send: true } | { send: false; reason: string };

export function decideRestockReminder(facts: ReminderFacts): ReminderDecision {
  if (facts.subscriptionStatus === null) return { send: false, reason: "subscription gone" };
  if (facts.subscriptionStatus === "UNSUBSCRIBED") return { send: false, reason: "unsubscribed" };
  if (facts.converted) return { send: false, reason: "ordered the variant" };
  if (!facts.inStock) return { send: false, reason: "out of stock" };
  return { send: true };
}

/** One reminder per restock email: its ledger key. */
export function reminderIdempotencyKey(restockNotificationId: string): string {
  return `restock_reminder:${restockNotificationId}`;
}
