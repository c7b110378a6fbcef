/**
 * How long to wait before retrying a THROTTLED Admin GraphQL call (docs/shopify-platform.md, "Admin API limits"): the bucket
 * must hold the requested cost again, and it refills at restoreRate points per second. Pure.
 */
export type QueryCost = {
  requestedQueryCost?: number | null;
  throttleStatus?: { maximumAvailable?: number; currentlyAvailable?: number; restoreRate?: number } | null;
};

/** When Shopify sends no cost information at all (e.g. an HTTP 429 without Retry-After). */
export const FALLBACK_WAIT_MS = 1_000;
/** Never sleep longer than this in one go: the bucket state is re-read on the next attempt. */
export const MAX_WAIT_MS = 60_000;

export function computeThrottleWait(
  cost: QueryCost | null | undefined,
  retryAfterSeconds?: number | null,
): number {
  if (typeof retryAfterSeconds === "number" && Number.isFinite(retryAfterSeconds) && retryAfterSeconds > 0) {
    return clamp(Math.ceil(retryAfterSeconds * 1000));
  }
  const requested = cost?.requestedQueryCost;
  const available = cost?.throttleStatus?.currentlyAvailable;
  const rate = cost?.throttleStatus?.restoreRate;
  if (
    typeof requested !== "number" ||
    typeof available !== "number" ||
    typeof rate !== "number" ||
    rate <= 0
  ) {
    return FALLBACK_WAIT_MS;
  }
  // At least one restore tick: a zero wait would hammer a bucket that is exactly at the edge.
  const missing = Math.max(1, requested - available);
  return clamp(Math.ceil((missing / rate) * 1000));
}

function clamp(ms: number): number {
  return Math.min(MAX_WAIT_MS, Math.max(1, ms));
}
