import type { RequestHandler } from "express";
import type { AppDeps } from "../app-deps.ts";
import { refuse } from "../limits/api-shop-limiter.ts";
import { createBatchedHitCounter } from "../limits/batched-hit-counter.ts";
import { createHitCounter } from "../limits/create-hit-counter.ts";
import type { ProxyLocals } from "../proxy/require-proxy-signature.ts";

/** How often a web process sends its ETA-read hits to the shared counters. */
const FLUSH_MS = 100;
/** Clients and shops one process remembers (a flood of addresses forgets the least recent). */
const MAX_KEYS = 100_000;

/**
 * GET /proxy/eta per client (a scraper or a loop in someone's browser) and per shop (a crowd of
 * them), after the signature check; 429 with Retry-After. Storefront pages ask once per view,
 * so the defaults (docs/operations.md) are far above what shoppers send. The storefront's hottest
 * route: counted in the process and sent to the shared counters every FLUSH_MS
 * (batched-hit-counter.ts), not one round trip per read.
 */
export function proxyEtaRateLimit(
  deps: Pick<AppDeps, "config" | "db" | "queues" | "logger">,
): RequestHandler {
  const { proxyEtaPerClientPerMinute, proxyEtaPerShopPerMinute } = deps.config.limits;
  const counter = createBatchedHitCounter({
    add: createHitCounter(deps),
    windowSeconds: 60,
    flushMs: FLUSH_MS,
    maxKeys: MAX_KEYS,
  });
  return async (req, res, next) => {
    const { shop } = (res.locals as ProxyLocals).proxy;
    // Client first: one refused is not counted against the shop.
    const verdict = await counter.check([
      { key: `eta:client:${shop.id}:${req.ip ?? "unknown"}`, limit: proxyEtaPerClientPerMinute },
      { key: `eta:shop:${shop.id}`, limit: proxyEtaPerShopPerMinute },
    ]);
    if (!verdict.ok) refuse(res, verdict.retryAfterSeconds, verdict.index === 0 ? "client" : "shop");
    next();
  };
}
