// Shapes of /api/integrations/* answers (shapes: web/contract/), and the events' labels.
import type {
  IntegrationEventType,
  WebhookDeliveriesResponse,
  WebhookEndpointsResponse,
} from "../../../../contract/api-responses.ts";

/** `label`: the event's name in the catalogs (i18n/locales). */
export const EVENT_TYPES = [
  { value: "backorder.created", label: "events.backorderCreated" },
  { value: "backorder.ready", label: "events.backorderReady" },
  { value: "eta.changed", label: "events.etaChanged" },
  { value: "variant.back_in_stock", label: "events.variantBackInStock" },
  { value: "subscription.created", label: "events.subscriptionCreated" },
  { value: "subscription.confirmed", label: "events.subscriptionConfirmed" },
  { value: "subscription.unsubscribed", label: "events.subscriptionUnsubscribed" },
  { value: "alert.sent", label: "events.alertSent" },
] as const satisfies readonly { value: IntegrationEventType; label: `events.${string}` }[];

export type WebhookEndpoint = WebhookEndpointsResponse["endpoints"][number];
export type WebhookDelivery = WebhookDeliveriesResponse["deliveries"][number];
