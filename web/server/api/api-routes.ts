import express, { type Router } from "express";
import type { ShopResponse } from "../../contract/api-responses.ts";
import { activityApiRoutes } from "../activity/activity-api-routes.ts";
import type { AppDeps } from "../app-deps.ts";
import { refuseNulBody } from "../reject-nul-bytes.ts";
import { requireSession, type ShopLocals } from "../auth/require-session.ts";
import { backorderApiRoutes } from "../backorders/backorder-api-routes.ts";
import { dataExportRoutes } from "../compliance/data-export-routes.ts";
import { controlApiRoutes } from "../controls/control-api-routes.ts";
import { emailApiRoutes } from "../emails/email-api-routes.ts";
import { testSendRoutes } from "../emails/test-send-routes.ts";
import { createApiShopLimiter } from "../limits/api-shop-limiter.ts";
import { etaApiRoutes } from "../etas/eta-api-routes.ts";
import { webhookEndpointRoutes } from "../integrations/outgoing/webhook-endpoint-routes.ts";
import { apiKeyRoutes } from "../merchant-api/api-key-routes.ts";
import { klaviyoSettingsRoutes } from "../integrations/klaviyo/klaviyo-settings-routes.ts";
import { productApiRoutes } from "../products/product-api-routes.ts";
import { reconcileApiRoutes } from "../reconcile/reconcile-api-routes.ts";
import { savedViewRoutes } from "../saved-views/saved-view-routes.ts";
import { settingsApiRoutes } from "../settings/settings-api-routes.ts";
import { smsApiRoutes } from "../sms/sms-api-routes.ts";
import { setupGuideRoutes } from "../setup/setup-guide-routes.ts";
import { subscriptionApiRoutes } from "../subscriptions/subscription-api-routes.ts";

/** /api/*: the embedded admin's API. Every route below runs with a verified shop from the token. */
export function apiRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.use(requireSession(deps, createApiShopLimiter(deps)));
  router.use(express.json({ limit: "1mb", verify: refuseNulBody("json") }));
  router.get("/shop", async (_req, res) => {
    const { shop } = res.locals as ShopLocals;
    const row = await deps.db.shop.findUniqueOrThrow({
      where: { id: shop.id },
      select: {
        domain: true,
        name: true,
        installedAt: true,
        syncStatus: true,
        syncedAt: true,
        shopifyPlus: true,
        planName: true,
        currency: true,
        primaryLocale: true,
        timezone: true,
      },
    });
    const body: ShopResponse = {
      shop: {
        ...row,
        installedAt: row.installedAt.toISOString(),
        syncedAt: row.syncedAt?.toISOString() ?? null,
      },
    };
    res.json(body);
  });
  router.use(backorderApiRoutes(deps));
  router.use(etaApiRoutes(deps));
  router.use(subscriptionApiRoutes(deps));
  router.use(settingsApiRoutes(deps));
  router.use(emailApiRoutes(deps));
  router.use(testSendRoutes(deps));
  router.use(activityApiRoutes(deps));
  router.use(controlApiRoutes(deps));
  router.use(reconcileApiRoutes(deps));
  router.use(dataExportRoutes(deps));
  router.use(webhookEndpointRoutes(deps));
  router.use(klaviyoSettingsRoutes(deps));
  router.use(apiKeyRoutes(deps));
  router.use(smsApiRoutes(deps));
  router.use(setupGuideRoutes(deps));
  router.use(productApiRoutes(deps));
  router.use(savedViewRoutes(deps));
  router.use((_req, res) => {
    res.status(404).json({ error: "not_found" });
  });
  return router;
}
