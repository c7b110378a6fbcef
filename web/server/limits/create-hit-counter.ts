import type { AppDeps } from "../app-deps.ts";
import { hitRateCounter, type RateCounterHit } from "../notifications/hit-rate-counter.ts";

export type HitCounter = (key: string, windowSeconds: number) => Promise<RateCounterHit | null>;

/**
 * Shared fixed-window counters: on Redis when it is the queue backend (one command, no database
 * connection), else the database's RateCounter table. A counter that cannot be reached lets the
 * request through (null): a limit is protection, not a dependency of the storefront.
 */
export function createHitCounter(deps: Pick<AppDeps, "db" | "queues" | "logger">): HitCounter {
  const backend = deps.queues.backend;
  const count = backend.countHit
    ? (key: string, windowSeconds: number) => backend.countHit!(key, windowSeconds)
    : (key: string, windowSeconds: number) => hitRateCounter(deps.db, key, windowSeconds);
  return async (key, windowSeconds) => {
    try {
      return await count(key, windowSeconds);
    } catch (error) {
      deps.logger.warn({ err: error }, "rate counter unavailable; request let through");
      return null;
    }
  };
}
