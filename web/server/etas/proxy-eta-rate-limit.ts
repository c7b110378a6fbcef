import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";
import type { AppDeps } from "../app-deps.ts";
import type { MaybePromise } from "../maybe-promise.ts";
import { refuse } from "../limits/api-shop-limiter.ts";
import { createBatchedHitCounter, type BatchedVerdict } from "../limits/batched-hit-counter.ts";
import { createHitCounter } from "../limits/create-hit-counter.ts";
import type { ProxyLocals } from "../proxy/require-proxy-signature.ts";

/** How often a web process sends its ETA-read hits to the shared counters. */
const FLUSH_MS = 100;
/** Clients and shops one process remembers (a flood of addresses forgets the least recent). */
const MAX_KEYS = 100_000;

/**
 * Counts one ETA read of a client of a shop; the verdict says whether it is within the limits.
 * Decided at once in the process (a promise only while a refusal waits for its window's end).
 */
export type ProxyEtaLimiter = (shopId: string, clientIp: string | undefined) => MaybePromise<BatchedVerdict>;

/**
 * GET /proxy/eta per client (a scraper or a loop in someone's browser) and per shop (a crowd of
 * them), after the signature check. Storefront pages ask once per view, so the defaults
 * (docs/operations.md) are far above what shoppers send. The storefront's hottest route: counted
 * in the process and sent to the shared counters every FLUSH_MS (batched-hit-counter.ts), not one
 * round trip per read.
 */
export function createProxyEtaLimiter(
  deps: Pick<AppDeps, "config" | "db" | "queues" | "logger">,
): ProxyEtaLimiter {
  const { proxyEtaPerClientPerMinute, proxyEtaPerShopPerMinute } = deps.config.limits;
  const counter = createBatchedHitCounter({
    add: createHitCounter(deps),
    windowSeconds: 60,
    flushMs: FLUSH_MS,
    maxKeys: MAX_KEYS,
  });
  // Client first: one refused is not counted against the shop.
  return (shopId, clientIp) =>
    counter.check([
      { key: `eta:client:${shopId}:${clientIp ?? "unknown"}`, limit: proxyEtaPerClientPerMinute },
      { key: `eta:shop:${shopId}`, limit: proxyEtaPerShopPerMinute },
    ]);
}

const COUNTED = Symbol("proxy-eta-counted");

/**
 * A read already counted before express saw the request (proxy-eta-fast-path.ts hands over the
 * reads it does not answer itself): the middleware uses this verdict instead of counting it again.
 */
export function markCounted(req: IncomingMessage, verdict: BatchedVerdict): void {
  (req as IncomingMessage & { [COUNTED]?: BatchedVerdict })[COUNTED] = verdict;
}

/** The limits as express middleware: 429 with Retry-After past either of them. */
export function proxyEtaRateLimit(limiter: ProxyEtaLimiter): RequestHandler {
  return async (req, res, next) => {
    const { shop } = (res.locals as ProxyLocals).proxy;
    const verdict =
      (req as typeof req & { [COUNTED]?: BatchedVerdict })[COUNTED] ?? (await limiter(shop.id, req.ip));
    if (!verdict.ok) refuse(res, verdict.retryAfterSeconds, verdict.index === 0 ? "client" : "shop");
    next();
  };
}
