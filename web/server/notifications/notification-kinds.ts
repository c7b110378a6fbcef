export const NOTIFICATION_KINDS = [
  "double_opt_in",
  "restock",
  "backorder_confirmation",
  "eta_changed",
  "backorder_ready",
  // A week before an alert expires: "still interested?" with a renew link (docs/shoppers.md).
  "renewal",
  // The one reminder after a restock email, to a subscriber who has not ordered (docs/shoppers.md).
  "restock_reminder",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
