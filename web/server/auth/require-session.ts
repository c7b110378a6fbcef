import type { RequestHandler } from "express";
import type { AppDeps } from "../app-deps.ts";
import type { ApiShopLimiter } from "../limits/api-shop-limiter.ts";
import { ensureShopInstalled } from "../shops/install-shop.ts";
import { verifySessionToken } from "./verify-session-token.ts";

export type ShopLocals = { shop: { id: string; domain: string } };

/**
 * Guards /api/*: a valid session token or 401 (with the header App Bridge reads to fetch a fresh
 * token and retry). The shop comes from the token only, never from the request.
 */
export function requireSession(deps: AppDeps, limit?: ApiShopLimiter): RequestHandler {
  return async (req, res, next) => {
    const verified = await verifySessionToken(deps.shopify, req.get("authorization"));
    if (!verified.ok) {
      res.set("X-Shopify-Retry-Invalid-Session-Request", "1");
      res.status(401).json({ error: "unauthorized", reason: verified.reason });
      return;
    }
    // Per-shop limits before any database work (see api-shop-limiter.ts); throws a 429.
    await limit?.(verified.shop, res);
    try {
      const shop = await ensureShopInstalled(deps, verified.shop, verified.token);
      res.locals.shop = { id: shop.id, domain: shop.domain };
      next();
    } catch (error) {
      deps.logger.warn({ err: error, shop: verified.shop }, "token exchange failed");
      res.set("X-Shopify-Retry-Invalid-Session-Request", "1");
      res.status(401).json({ error: "unauthorized", reason: "token_exchange_failed" });
    }
  };
}
