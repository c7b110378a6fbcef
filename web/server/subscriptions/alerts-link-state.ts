/** How long a guest's emailed link works (docs/shoppers.md). */
export const ALERTS_LINK_HOURS = 24;
/** How long an opened link lets the guest see and cancel their alerts. */
export const GUEST_SESSION_MINUTES = 60;

/** Requests for a link: per address and shop (someone flooding a victim) and per client IP (bots). */
export const ALERTS_LINK_LIMITS = {
  email: { limit: 3, windowSeconds: 3600 },
  ip: { limit: 10, windowSeconds: 600 },
} as const;

export type AlertsLinkState = "ready" | "used" | "expired" | "not_found";

/** Pure: what a link row allows now. A used link stays "used" after its 24 hours too. */
export function alertsLinkState(
  row: { expiresAt: Date; usedAt: Date | null } | null,
  now: Date,
): AlertsLinkState {
  if (!row) return "not_found";
  if (row.usedAt) return "used";
  return row.expiresAt.getTime() > now.getTime() ? "ready" : "expired";
}

export function alertsLinkIdempotencyKey(linkId: string): string {
  return `alerts_link:${linkId}`;
}
