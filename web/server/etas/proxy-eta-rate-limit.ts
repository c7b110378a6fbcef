import type { RequestHandler } from "express";
import type { AppDeps } from "../app-deps.ts";
import { refuse } from "../limits/api-shop-limiter.ts";
import { createHitSequenceCounter } from "../limits/create-hit-counter.ts";
import { rateLimitVerdict } from "../limits/rate-limit-verdict.ts";
import type { ProxyLocals } from "../proxy/require-proxy-signature.ts";

/**
 * GET /proxy/eta per client (a scraper or a loop in someone's browser) and per shop (a crowd of
 * them), after the signature check; 429 with Retry-After. Storefront pages ask once per view,
 * so the defaults (docs/operations.md) are far above what shoppers send.
 */
export function proxyEtaRateLimit(
  deps: Pick<AppDeps, "config" | "db" | "queues" | "logger">,
): RequestHandler {
  const { proxyEtaPerClientPerMinute, proxyEtaPerShopPerMinute } = deps.config.limits;
  const count = createHitSequenceCounter(deps);
  return async (req, res, next) => {
    const { shop } = (res.locals as ProxyLocals).proxy;
    const checks = [
      { key: `eta:client:${shop.id}:${req.ip ?? "unknown"}`, limit: proxyEtaPerClientPerMinute },
      { key: `eta:shop:${shop.id}`, limit: proxyEtaPerShopPerMinute },
    ];
    // Client first: one refused is not counted against the shop (one round trip on Redis).
    const hits = await count(checks, 60);
    hits.forEach((hit, i) => {
      const verdict = hit ? rateLimitVerdict(hit, checks[i]!.limit) : { ok: true as const };
      if (!verdict.ok) refuse(res, verdict.retryAfterSeconds, checks[i]!.key.split(":")[1]!);
    });
    next();
  };
}
