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
  // A guest's one-use link to the shopper alerts page, asked for on that page (docs/shoppers.md).
  "alerts_link",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
