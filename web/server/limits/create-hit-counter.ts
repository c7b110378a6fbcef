import type { AppDeps } from "../app-deps.ts";
import { hitRateCounter, type RateCounterHit } from "./hit-rate-counter.ts";

/** Adds `hits` (default one) to `key`'s fixed window; null when the counter cannot be reached. */
export type HitCounter = (
  key: string,
  windowSeconds: number,
  hits?: number,
) => Promise<RateCounterHit | null>;

/**
 * Shared fixed-window counters: on Redis when it is the queue backend (one command, no database
 * connection), else the database's RateCounter table. A counter that cannot be reached lets the
 * request through (null): a limit is protection, not a dependency of the storefront.
 */
export function createHitCounter(deps: Pick<AppDeps, "db" | "queues" | "logger">): HitCounter {
  const backend = deps.queues.backend;
  const count = backend.countHit
    ? (key: string, windowSeconds: number, hits: number) => backend.countHit!(key, windowSeconds, hits)
    : (key: string, windowSeconds: number, hits: number) => hitRateCounter(deps.db, key, windowSeconds, hits);
  return async (key, windowSeconds, hits = 1) => {
    try {
      return await count(key, windowSeconds, hits);
    } catch (error) {
      deps.logger.warn({ err: error }, "rate counter unavailable; request let through");
      return null;
    }
  };
}

export type HitCheck = { key: string; limit: number };
