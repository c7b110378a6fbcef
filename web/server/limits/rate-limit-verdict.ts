import type { RateCounterHit } from "./hit-rate-counter.ts";

export type LimitVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Over `limit` hits in the window: refused until the window ends (at least one second). */
export function rateLimitVerdict(hit: RateCounterHit, limit: number): LimitVerdict {
  if (hit.count <= limit) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(hit.msUntilWindowEnd / 1000)) };
}
