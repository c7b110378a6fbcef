export const NOTIFICATION_KINDS = [
  "double_opt_in",
  "restock",
  "backorder_confirmation",
  "eta_changed",
  "backorder_ready",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
