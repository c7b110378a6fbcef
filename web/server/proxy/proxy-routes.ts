import express, { type Router } from "express";
import type { AppDeps } from "../app-deps.ts";
import { etaProxyRoutes } from "../etas/eta-proxy-routes.ts";
import { subscriptionProxyRoutes } from "../subscriptions/subscription-proxy-routes.ts";
import { refuseNulBody } from "../reject-nul-bytes.ts";
import { requireProxySignature } from "./require-proxy-signature.ts";

/** /proxy/*: what the storefront reaches through Shopify's app proxy (/apps/backorder/...). */
export function proxyRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.use(requireProxySignature(deps));
  // Only the storefront form posts a body; the hot GET /proxy/eta skips body parsing.
  router.post("/{*rest}", express.json({ limit: "16kb", verify: refuseNulBody("json") }));
  router.use(etaProxyRoutes(deps));
  router.use(subscriptionProxyRoutes(deps));
  router.use((_req, res) => {
    res.status(404).json({ error: "not_found" });
  });
  return router;
}
