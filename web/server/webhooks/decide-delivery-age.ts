/** Shopify retries a failed delivery for 48 hours; a genuine delivery is never older than that. */
export const RETRY_HORIZON_MS = 48 * 3600_000;

export type DeliveryAge = { stale: false } | { stale: true; reason: string };

/**
 * Whether a delivery's X-Shopify-Triggered-At lies beyond Shopify's retry horizon at receipt: such
 * a body is a replay (a captured signed request sent again), not something to act on. Without the
 * header there is nothing to judge by and the delivery counts as fresh.
 */
export function decideDeliveryAge(triggeredAt: Date | null, receivedAt: Date): DeliveryAge {
  if (triggeredAt === null) return { stale: false };
  const age = receivedAt.getTime() - triggeredAt.getTime();
  if (age <= RETRY_HORIZON_MS) return { stale: false };
  const hours = Math.floor(age / 3600_000);
  return {
    stale: true,
    reason: `stale delivery: triggered ${triggeredAt.toISOString()}, ${hours} h before receipt (beyond Shopify's 48 h retry horizon); not processed`,
  };
}
