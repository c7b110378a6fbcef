import type { RequestHandler, Response } from "express";
import type { AppDeps } from "../app-deps.ts";
import { AppError } from "../errors.ts";
import { refuse } from "../limits/api-shop-limiter.ts";
import { createHitCounter } from "../limits/create-hit-counter.ts";
import { rateLimitVerdict } from "../limits/rate-limit-verdict.ts";
import { hashApiKeySecret, type ApiKeyScope } from "./api-keys.ts";

/** What /api/v1 handlers know of the caller: the key's shop (every query is scoped by it) and scope. */
export type ApiKeyLocals = { apiKey: { id: string; shopId: string; scope: ApiKeyScope } };

export function apiKeyOf(res: Response): ApiKeyLocals["apiKey"] {
  return (res.locals as ApiKeyLocals).apiKey;
}

/** lastUsedAt is written at most this often per key: one write a minute, not one per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * /api/v1: `Authorization: Bearer <key>`. An unknown or revoked key (or a key of an uninstalled
 * shop) is a 401; then the key's per-minute limit (API_KEY_RATE_LIMIT_PER_MINUTE, all processes
 * together) answers 429 with Retry-After.
 */
export function requireApiKey(
  deps: Pick<AppDeps, "config" | "db" | "queues" | "logger" | "now">,
): RequestHandler {
  const count = createHitCounter(deps);
  const limit = deps.config.limits.apiKeyPerMinute;
  return async (req, res, next) => {
    // RFC 6750: a 401 names the scheme it wants.
    res.set("WWW-Authenticate", 'Bearer realm="api/v1"');
    const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(req.get("authorization") ?? "");
    if (!match) throw new AppError("unauthorized", "Send the API key as Authorization: Bearer <key>");
    const key = await deps.db.apiKey.findUnique({
      where: { secretHash: hashApiKeySecret(match[1]!) },
      select: {
        id: true,
        lastUsedAt: true,
        shopId: true,
        scope: true,
        revokedAt: true,
        shop: { select: { uninstalledAt: true } },
      },
    });
    if (!key || key.revokedAt || key.shop.uninstalledAt) {
      throw new AppError("unauthorized", "Unknown or revoked API key");
    }
    // The shop id in the name: shop/redact deletes the shop's counters by it.
    const hit = await count(`apikey:${key.shopId}:${key.id}`, 60);
    const verdict = hit ? rateLimitVerdict(hit, limit) : { ok: true as const };
    if (!verdict.ok) refuse(res, verdict.retryAfterSeconds, "per_key_per_minute");
    const now = deps.now();
    const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    // Read with the key, so most requests skip the write; the condition keeps racing processes to one.
    if (!key.lastUsedAt || key.lastUsedAt < staleBefore) {
      await deps.db.apiKey.updateMany({
        where: {
          id: key.id,
          OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }],
        },
        data: { lastUsedAt: now },
      });
    }
    res.removeHeader("WWW-Authenticate");
    res.locals.apiKey = { id: key.id, shopId: key.shopId, scope: key.scope as ApiKeyScope };
    next();
  };
}

/** A write route with a read-only key: 403. */
export function requireWriteScope(res: Response): void {
  if (apiKeyOf(res).scope !== "read_write") {
    throw new AppError("forbidden", "This API key is read-only; writes need a read_write key");
  }
}
