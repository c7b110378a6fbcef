import type { RequestHandler } from "express";
import type { AppDeps } from "../app-deps.ts";
import { refuse } from "../limits/api-shop-limiter.ts";
import { createHitCounter } from "../limits/create-hit-counter.ts";
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
  const count = createHitCounter(deps);
  return async (req, res, next) => {
    const { shop } = (res.locals as ProxyLocals).proxy;
    const checks: [string, number][] = [
      [`eta:client:${shop.id}:${req.ip ?? "unknown"}`, proxyEtaPerClientPerMinute],
      [`eta:shop:${shop.id}`, proxyEtaPerShopPerMinute],
    ];
    for (const [key, limit] of checks) {
      const hit = await count(key, 60);
      const verdict = hit ? rateLimitVerdict(hit, limit) : { ok: true as const };
      if (!verdict.ok) refuse(res, verdict.retryAfterSeconds, key.split(":")[1]!);
    }
    next();
  };
}
