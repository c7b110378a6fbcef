/** The events integrations hear about (docs/integrations.md). Flow gets the first five. */
export const INTEGRATION_EVENT_TYPES = [
  "backorder.created",
  "backorder.ready",
  "eta.changed",
  "variant.back_in_stock",
  "subscription.created",
  "subscription.confirmed",
  "subscription.unsubscribed",
  "alert.sent",
] as const;

export type IntegrationEventType = (typeof INTEGRATION_EVENT_TYPES)[number];

/** What a place in the app hands to emitIntegrationEvent. */
export type IntegrationEventInput = {
  type: IntegrationEventType;
  /** Names what happened, uniquely within the shop and type: emitting the same key again is a no-op. */
  key: string;
  data: Record<string, unknown>;
  /** The customer's address when `data` holds one (customers/redact removes the event by it). */
  email?: string | null;
};
