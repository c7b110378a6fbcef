/** The Klaviyo Events API revision the request shape below follows. */
export const KLAVIYO_REVISION = "2026-07-15";

/** Klaviyo metric names, by the integration event that sends them (events naming a customer). */
export const KLAVIYO_METRICS: Record<string, string> = {
  "subscription.created": "Backorder Hub Back In Stock Subscribed",
  "backorder.created": "Backorder Hub Backorder Created",
  "alert.sent": "Backorder Hub Alert Sent",
};

type Data = {
  subscription?: { email?: string };
  order?: { customerEmail?: string | null };
  [key: string]: unknown;
};

/** The profile's address an event is about, or null (then nothing goes to Klaviyo). */
export function klaviyoProfileEmail(data: unknown): string | null {
  const d = data as Data;
  return d.subscription?.email ?? d.order?.customerEmail ?? null;
}

/**
 * The JSON:API body of Create Event (POST /api/events): the metric by name, the profile by email,
 * the event's data as properties, and the event id as unique_id so Klaviyo dedupes a resend.
 */
export function klaviyoEventBody(event: { id: string; type: string; createdAt: Date; payload: unknown }) {
  const email = klaviyoProfileEmail(event.payload);
  const metric = KLAVIYO_METRICS[event.type];
  if (!email || !metric) return null;
  return {
    data: {
      type: "event",
      attributes: {
        properties: event.payload as Record<string, unknown>,
        time: event.createdAt.toISOString(),
        unique_id: event.id,
        metric: { data: { type: "metric", attributes: { name: metric } } },
        profile: { data: { type: "profile", attributes: { email } } },
      },
    },
  };
}
