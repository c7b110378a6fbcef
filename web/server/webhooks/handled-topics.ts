/**
 * Every webhook topic the app subscribes to (shopify.app.toml) and handles. The worker maps each to
 * its handler (jobs/webhooks/topic-handlers.ts); a test keeps the two and the TOML equal. The web
 * process labels its metrics with these, so it needs no part of the worker.
 */
export const HANDLED_TOPICS = [
  "app/uninstalled",
  "orders/create",
  "orders/updated",
  "orders/cancelled",
  "orders/fulfilled",
  "orders/partially_fulfilled",
  "inventory_levels/update",
  "products/update",
  "products/delete",
  "bulk_operations/finish",
  "customers/data_request",
  "customers/redact",
  "shop/redact",
] as const;
