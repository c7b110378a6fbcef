import type { RequestHandler } from "express";
import type { AppDeps } from "../app-deps.ts";
import { verifyProxySignature } from "./verify-proxy-signature.ts";

export type ProxyLocals = {
  proxy: { shop: { id: string; domain: string }; loggedInCustomerId: string | null };
};

/**
 * Requests forwarded by Shopify's app proxy carry a signed query (shop, timestamp, signature...).
 * 401 when it does not verify; 404 when the shop is not installed. The shop comes from the
 * signed query only.
 */
export function requireProxySignature(deps: AppDeps): RequestHandler {
  return async (req, res, next) => {
    const query = new URL(req.originalUrl, "http://proxy.invalid").searchParams;
    const verified = verifyProxySignature(query, [...deps.config.apiSecrets], new Date());
    if (!verified.ok) {
      res.status(401).json({ error: "unauthorized", reason: verified.reason });
      return;
    }
    const shop = await deps.db.shop.findUnique({
      where: { domain: verified.shop },
      select: { id: true, domain: true, uninstalledAt: true },
    });
    if (!shop || shop.uninstalledAt) {
      res.status(404).json({ error: "unknown_shop" });
      return;
    }
    res.locals.proxy = {
      shop: { id: shop.id, domain: shop.domain },
      loggedInCustomerId: verified.loggedInCustomerId,
    };
    next();
  };
}
