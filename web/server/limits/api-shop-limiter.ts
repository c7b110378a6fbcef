import type { Response } from "express";
import type { AppDeps } from "../app-deps.ts";
import { AppError } from "../errors.ts";
import { createHitCounter } from "./create-hit-counter.ts";
import { createInFlightGate } from "./in-flight-gate.ts";
import { rateLimitVerdict } from "./rate-limit-verdict.ts";

export type ApiShopLimiter = (shop: string, res: Response) => Promise<void>;

/**
 * /api/* per shop, checked right after the session token (before any database work): at most
 * `apiInFlightPerShop` requests at once in this process, and `apiPerShopPerMinute` across all
 * processes. Refused requests get 429 with Retry-After; App Bridge's fetch shows them as errors.
 */
export function createApiShopLimiter(
  deps: Pick<AppDeps, "config" | "db" | "queues" | "logger">,
): ApiShopLimiter {
  const { apiInFlightPerShop, apiPerShopPerMinute } = deps.config.limits;
  const gate = createInFlightGate(apiInFlightPerShop);
  const count = createHitCounter(deps);
  return async (shop, res) => {
    const release = gate.tryEnter(shop);
    if (!release) refuse(res, 1, "in_flight");
    res.once("close", release!);
    const hit = await count(`api:${shop}`, 60);
    const verdict = hit ? rateLimitVerdict(hit, apiPerShopPerMinute) : { ok: true as const };
    if (!verdict.ok) refuse(res, verdict.retryAfterSeconds, "per_minute");
  };
}

export function refuse(res: Response, retryAfterSeconds: number, limit: string): never {
  res.set("Retry-After", String(retryAfterSeconds));
  throw new AppError("rate_limited", "too many requests, try again later", { limit });
}
