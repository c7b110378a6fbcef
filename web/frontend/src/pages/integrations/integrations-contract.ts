/** Shapes of /api/integrations/* answers (web/server/integrations/). */
export const EVENT_TYPES = [
  { value: "backorder.created", label: "Backorder created" },
  { value: "backorder.ready", label: "Backorder ready" },
  { value: "eta.changed", label: "ETA changed" },
  { value: "variant.back_in_stock", label: "Variant back in stock" },
  { value: "subscription.created", label: "Back-in-stock signup" },
  { value: "subscription.confirmed", label: "Subscription confirmed" },
  { value: "subscription.unsubscribed", label: "Subscription unsubscribed" },
] as const;

export type WebhookEndpoint = {
  id: string;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  disabledAt: string | null;
  disabledReason: string | null;
  failingSince: string | null;
  previousSecretExpiresAt: string | null;
  createdAt: string;
};

export type WebhookDelivery = {
  id: string;
  eventId: string;
  eventType: string;
  status: "PENDING" | "SUCCEEDED" | "FAILED";
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
};
