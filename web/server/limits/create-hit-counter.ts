import type { AppDeps } from "../app-deps.ts";
import { hitRateCounter, type RateCounterHit } from "./hit-rate-counter.ts";

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

export type HitCheck = { key: string; limit: number };

/**
 * Counts a hit against each key in order, stopping after the first one over its limit (its
 * followers are not counted, so a client refused does not use up the shop's budget). On Redis in
 * one round trip; else one database count per key. A key whose counter cannot be reached answers
 * null (let through), as createHitCounter does.
 */
export function createHitSequenceCounter(deps: Pick<AppDeps, "db" | "queues" | "logger">) {
  const backend = deps.queues.backend;
  const one = createHitCounter(deps);
  return async (checks: readonly HitCheck[], windowSeconds: number): Promise<(RateCounterHit | null)[]> => {
    if (backend.countHits) {
      try {
        return await backend.countHits(checks, windowSeconds);
      } catch (error) {
        deps.logger.warn({ err: error }, "rate counter unavailable; request let through");
        return [];
      }
    }
    const hits: (RateCounterHit | null)[] = [];
    for (const check of checks) {
      const hit = await one(check.key, windowSeconds);
      hits.push(hit);
      if (hit && hit.count > check.limit) break;
    }
    return hits;
  };
}
