import express, { type Router } from "express";
import type { AppDeps } from "../app-deps.ts";
import type { ProxyLocals } from "../proxy/require-proxy-signature.ts";
import { alertsBasePath, sendAlertsPage } from "./alerts-page-response.ts";
import { refuseNulBody } from "../reject-nul-bytes.ts";
import { guestAlertsRoutes } from "./guest-alerts-routes.ts";
import { cancelShopperAlert, listShopperAlerts } from "./list-shopper-alerts.ts";
import { renderAlertsPage } from "./render-alerts-page.ts";
import { signAlertCancelToken, verifyAlertCancelToken } from "./subscription-tokens.ts";

/**
 * The shopper alerts page, /apps/backorder/alerts through the app proxy (docs/shoppers.md):
 * answered as application/liquid so Shopify renders it inside the shop's theme. A logged-in
 * customer (the signed logged_in_customer_id) sees their live alerts and cancels any; a guest asks
 * for an emailed link (guest-alerts-routes.ts).
 */
export function shopperAlertsRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const listFor = (shopId: string, customerId: string) => {
    const secret = deps.config.apiSecrets[0]!;
    return listShopperAlerts(deps, shopId, { customerId }, (id) =>
      signAlertCancelToken(secret, customerId, id),
    );
  };

  router.get("/alerts", async (_req, res) => {
    const { shop, loggedInCustomerId } = (res.locals as ProxyLocals).proxy;
    const basePath = alertsBasePath(res);
    if (!loggedInCustomerId)
      return sendAlertsPage(res, 200, renderAlertsPage({ basePath, alerts: "log_in" }));
    sendAlertsPage(
      res,
      200,
      renderAlertsPage({ basePath, alerts: await listFor(shop.id, loggedInCustomerId) }),
    );
  });

  router.post(
    "/alerts/cancel",
    express.urlencoded({ extended: false, limit: "1kb", verify: refuseNulBody("form") }),
    async (req, res) => {
      const { shop, loggedInCustomerId } = (res.locals as ProxyLocals).proxy;
      const basePath = alertsBasePath(res);
      if (!loggedInCustomerId)
        return sendAlertsPage(res, 401, renderAlertsPage({ basePath, alerts: "log_in" }));
      const token = typeof req.body?.token === "string" ? req.body.token : "";
      const id = verifyAlertCancelToken(deps.config.apiSecrets, loggedInCustomerId, token);
      let notice = "That alert could not be cancelled.";
      let status = 403;
      if (id) {
        // Only this customer's own live alert: the token names it, the query checks it still is.
        const done = await cancelShopperAlert(deps, shop.id, { customerId: loggedInCustomerId }, id);
        notice = done ? "Alert cancelled." : "That alert was already cancelled or sent.";
        status = 200;
      }
      sendAlertsPage(
        res,
        status,
        renderAlertsPage({ basePath, notice, alerts: await listFor(shop.id, loggedInCustomerId) }),
      );
    },
  );
  router.use(guestAlertsRoutes(deps));
  return router;
}
