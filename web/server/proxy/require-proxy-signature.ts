import type { RequestHandler } from "express";
import type { AppDeps } from "../app-deps.ts";
import { createProxyShopCache, type ProxyShopCache } from "./create-proxy-shop-cache.ts";
import { verifyProxySignature } from "./verify-proxy-signature.ts";

export type ProxyLocals = {
  proxy: {
    shop: { id: string; domain: string };
    loggedInCustomerId: string | null;
    /** The verified query, decoded once: routes read their params here rather than parse it again. */
    query: URLSearchParams;
  };
};

/**
 * Requests forwarded by Shopify's app proxy carry a signed query (shop, timestamp, signature...).
 * 401 when it does not verify; 404 when the shop is not installed (an uninstall is seen within the
 * shop cache's TTL, 5 s). The shop comes from the signed query only.
 */
export function requireProxySignature(
  deps: AppDeps,
  shops: ProxyShopCache = createProxyShopCache(deps.sql),
): RequestHandler {
  const secrets = [...deps.config.apiSecrets];
  return async (req, res, next) => {
    const url = req.originalUrl;
    const mark = url.indexOf("?");
    // Only the query matters: no need to parse the whole URL.
    const query = new URLSearchParams(mark === -1 ? "" : url.slice(mark + 1));
    const verified = verifyProxySignature(query, secrets, new Date());
    if (!verified.ok) {
      res.status(401).json({ error: "unauthorized", reason: verified.reason });
      return;
    }
    const shop = await shops.get(verified.shop);
    if (!shop) {
      res.status(404).json({ error: "unknown_shop" });
      return;
    }
    res.locals.proxy = { shop, loggedInCustomerId: verified.loggedInCustomerId, query };
    next();
  };
}
