// Shapes of /api/integrations/* answers (shapes: web/contract/), and the events' labels.
import type {
  IntegrationEventType,
  WebhookDeliveriesResponse,
  WebhookEndpointsResponse,
} from "../../../../contract/api-responses.ts";

export const EVENT_TYPES: readonly { value: IntegrationEventType; label: string }[] = [
  { value: "backorder.created", label: "Backorder created" },
  { value: "backorder.ready", label: "Backorder ready" },
  { value: "eta.changed", label: "ETA changed" },
  { value: "variant.back_in_stock", label: "Variant back in stock" },
  { value: "subscription.created", label: "Back-in-stock signup" },
  { value: "subscription.confirmed", label: "Subscription confirmed" },
  { value: "subscription.unsubscribed", label: "Subscription unsubscribed" },
  { value: "alert.sent", label: "Back-in-stock alert sent" },
];

export type WebhookEndpoint = WebhookEndpointsResponse["endpoints"][number];
export type WebhookDelivery = WebhookDeliveriesResponse["deliveries"][number];
