import express, { type Router } from "express";
import type { AppDeps } from "../app-deps.ts";
import { etaProxyRoutes } from "../etas/eta-proxy-routes.ts";
import { subscriptionProxyRoutes } from "../subscriptions/subscription-proxy-routes.ts";
import { shopperAlertsRoutes } from "../subscriptions/shopper-alerts-routes.ts";
import { refuseNulBody } from "../reject-nul-bytes.ts";
import { requireProxySignature } from "./require-proxy-signature.ts";

/** /proxy/*: what the storefront reaches through Shopify's app proxy (/apps/backorder/...). */
export function proxyRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.use(requireProxySignature(deps));
  // The alerts page's forms post url-encoded (its own parser); the storefront form posts JSON; the
  // hot GET /proxy/eta skips body parsing.
  router.use(shopperAlertsRoutes(deps));
  router.post("/{*rest}", express.json({ limit: "16kb", verify: refuseNulBody("json") }));
  router.use(etaProxyRoutes(deps));
  router.use(subscriptionProxyRoutes(deps));
  router.use((_req, res) => {
    res.status(404).json({ error: "not_found" });
  });
  return router;
}
