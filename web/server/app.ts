import express, { type Express } from "express";
import type { AppDeps } from "./app-deps.ts";
import { createAdminUiRoutes } from "./admin-ui/create-admin-ui-routes.ts";
import { apiRoutes } from "./api/api-routes.ts";
import { v1Routes } from "./merchant-api/v1-routes.ts";
import { errorMiddleware } from "./errors.ts";
import { routeLabel } from "./metrics/metric-labels.ts";
import { refuseNulUrl } from "./reject-nul-bytes.ts";
import { cancelLinkRoutes } from "./controls/cancel-link-routes.ts";
import { baseSecurityHeaders } from "./http/security-headers.ts";
import { flowRoutes } from "./integrations/flow/flow-routes.ts";
import { healthRoutes } from "./health/health-routes.ts";
import { queueDashboardRoutes } from "./ops/queue-dashboard-routes.ts";
import { proxyEtaHandlers } from "./etas/eta-proxy-routes.ts";
import { createProxyEtaParts, type ProxyEtaParts } from "./etas/proxy-eta-answer.ts";
import { compileTrustProxy } from "./http/client-address.ts";
import { proxyRoutes } from "./proxy/proxy-routes.ts";
import { requireProxySignature } from "./proxy/require-proxy-signature.ts";
import { twilioWebhookRoutes } from "./sms/twilio-webhook-routes.ts";
import { emailLinkRoutes } from "./subscriptions/email-link-routes.ts";
import { webhookRoutes } from "./webhooks/webhook-routes.ts";

/**
 * The web process's express app, without listen(): tests drive it directly. Servers listen with
 * createWebListener (web-listener.ts), which answers clean ETA reads before this app and hands it
 * everything else; `proxyEta` is what both share.
 */
export function createApp(deps: AppDeps, proxyEta: ProxyEtaParts = createProxyEtaParts(deps)): Express {
  const app = express();
  app.disable("x-powered-by");
  // req.ip is the shopper's address only when the proxies in front are trusted (TRUST_PROXY).
  app.set("trust proxy", compileTrustProxy(deps.config.trustProxy));
  app.use(baseSecurityHeaders());
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const route = routeLabel(req);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      deps.metrics.httpDuration.observe({ route, status: String(res.statusCode) }, seconds);
    });
    next();
  });
  app.use(refuseNulUrl());
  // The storefront's hot path first (GET /proxy/eta: every product page view), a route of its own
  // before any router is tried; the /proxy router parses bodies only under /proxy.
  const proxySignature = requireProxySignature(deps, proxyEta.shops);
  app.get("/proxy/eta", proxySignature, ...proxyEtaHandlers(deps, proxyEta));
  app.use("/proxy", proxyRoutes(deps, proxySignature));
  // Webhooks before the routers that parse JSON: they need the raw body.
  app.use(webhookRoutes(deps));
  app.use("/flow", flowRoutes(deps));
  app.use(twilioWebhookRoutes(deps));
  app.use(healthRoutes(deps));
  // Before the admin UI: its /admin/* catch-all would answer /admin/queues otherwise.
  app.use(queueDashboardRoutes(deps));
  app.use(createAdminUiRoutes(deps));
  // The merchant API (API keys) before /api, whose session-token guard would refuse it.
  app.use("/api/v1", v1Routes(deps));
  app.use("/api", apiRoutes(deps));
  app.use(emailLinkRoutes(deps));
  app.use(cancelLinkRoutes(deps));
  app.use(errorMiddleware(deps.logger));
  return app;
}
