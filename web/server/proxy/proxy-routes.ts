import express, { type RequestHandler, type Router } from "express";
import type { AppDeps } from "../app-deps.ts";
import { subscriptionProxyRoutes } from "../subscriptions/subscription-proxy-routes.ts";
import { shopperAlertsRoutes } from "../subscriptions/shopper-alerts-routes.ts";
import { refuseNulBody } from "../reject-nul-bytes.ts";
import { requireProxySignature } from "./require-proxy-signature.ts";

/**
 * /proxy/*: what the storefront reaches through Shopify's app proxy (/apps/backorder/...). GET
 * /proxy/eta is mounted by the app ahead of this router (eta-proxy-routes.ts), with the same
 * signature check.
 */
export function proxyRoutes(
  deps: AppDeps,
  proxySignature: RequestHandler = requireProxySignature(deps),
): Router {
  const router = express.Router();
  router.use(proxySignature);
  // The alerts page's forms post url-encoded (its own parser); the storefront form posts JSON.
  router.use(shopperAlertsRoutes(deps));
  router.post("/{*rest}", express.json({ limit: "16kb", verify: refuseNulBody("json") }));
  router.use(subscriptionProxyRoutes(deps));
  router.use((_req, res) => {
    res.status(404).json({ error: "not_found" });
  });
  return router;
}
