import type { IntegrationEventType } from "../events/integration-event-types.ts";

/** The app's Flow trigger handles (extensions/flow-*), by the event that fires them. */
export const FLOW_TRIGGER_HANDLES: Partial<Record<IntegrationEventType, string>> = {
  "backorder.created": "backorder-created",
  "backorder.ready": "backorder-ready",
  "eta.changed": "eta-changed",
  "variant.back_in_stock": "variant-back-in-stock",
  "subscription.created": "back-in-stock-signup",
};

/** Trigger names as the extensions spell them (a lifecycle callback may name a trigger either way). */
export const FLOW_TRIGGER_NAMES: Record<string, string> = {
  "Backorder created": "backorder-created",
  "Backorder ready": "backorder-ready",
  "ETA changed": "eta-changed",
  "Variant back in stock": "variant-back-in-stock",
  "Back in stock signup": "back-in-stock-signup",
};

type Data = {
  order?: { id: string };
  line?: { id: string };
  variant?: { id: string; productId: string | null; sku: string | null };
  units?: number;
  eta?: string | null;
  message?: string | null;
  openBackorderLines?: number;
  available?: number;
  subscribersWaiting?: number;
  subscription?: { email: string; marketingConsent: boolean };
};

/**
 * The flowTriggerReceive payload of an event: reference fields as `order_id` / `product_id`
 * (numbers), the extension's own fields by their key. Every field the TOML declares is present.
 */
export function flowTriggerPayload(type: string, raw: unknown): Record<string, unknown> {
  const data = raw as Data;
  const variant = {
    ...(data.variant?.productId ? { product_id: Number(data.variant.productId) } : {}),
    "Variant ID": data.variant?.id ?? "",
    SKU: data.variant?.sku ?? "",
  };
  switch (type) {
    case "backorder.created":
    case "backorder.ready":
      return {
        order_id: Number(data.order?.id),
        ...variant,
        "Line item ID": data.line?.id ?? "",
        Units: data.units ?? 0,
        ETA: data.eta ?? "",
      };
    case "eta.changed":
      return {
        ...variant,
        ETA: data.eta ?? "",
        Message: data.message ?? "",
        "Open backorder lines": data.openBackorderLines ?? 0,
      };
    case "variant.back_in_stock":
      return {
        ...variant,
        Available: data.available ?? 0,
        "Subscribers waiting": data.subscribersWaiting ?? 0,
      };
    case "subscription.created":
      return {
        ...variant,
        Email: data.subscription?.email ?? "",
        "Marketing consent": data.subscription?.marketingConsent ?? false,
      };
    default:
      throw new Error(`no Flow trigger for ${type}`);
  }
}
